import { NodeOperationError, type IDataObject, type INode } from 'n8n-workflow';
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
