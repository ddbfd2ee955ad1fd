import { NodeOperationError, type IDataObject, type INode } from 'n8n-workflow';
import type { RequestContext } from '../transport/context';
import { postHogRequest } from '../transport/request';
import { limits } from '../transport/timing';

/** A page of PostHog's lists: `{results, next}` (docs/posthog-api.md §0). */
export type Page = { results?: IDataObject[]; next?: string | null };

/** The value of one query parameter of a `next` URL, which may be absolute or relative. */
export function queryParameterOf(
	next: string | null | undefined,
	name: string,
): string | undefined {
	if (!next) return undefined;
	try {
		return new URL(next, 'http://posthog.invalid').searchParams.get(name) ?? undefined;
	} catch {
		return undefined;
	}
}

/** A list that never ends is taken to be looping: the walk stops with this error. */
export function tooManyPagesError(node: INode, itemIndex?: number): NodeOperationError {
	return new NodeOperationError(
		node,
		`PostHog kept returning more pages after ${limits.maxPages}; stopped to avoid an endless loop`,
		{ itemIndex },
	);
}

/**
 * Walks a `limit`/`offset` list outside the routing (a dropdown, a trigger's look-up), 100 rows a
 * page, handing `each` every page's rows until `each` answers false or `next` names no more.
 */
export async function eachOffsetPage(
	context: RequestContext,
	{ url, qs = {} }: { url: string; qs?: IDataObject },
	each: (rows: IDataObject[]) => boolean,
): Promise<void> {
	let offset: string | undefined = '0';
	for (let pages = 0; offset !== undefined; pages++) {
		if (pages === limits.maxPages) throw tooManyPagesError(context.getNode());
		const page: Page = await postHogRequest<Page>(context, {
			method: 'GET',
			url,
			qs: { limit: 100, offset, ...qs },
		});
		if (!each(page.results ?? [])) return;
		offset = queryParameterOf(page.next, 'offset');
	}
}
