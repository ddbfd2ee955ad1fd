import {
	NodeOperationError,
	type DeclarativeRestApiSettings,
	type IDataObject,
	type IExecutePaginationFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { queryParameterOf, tooManyPagesError, type Page } from '../../shared/pages';
import { sendRoutedRequest } from '../../transport/request';
import { limits } from '../../transport/timing';
import { toItems } from './output';

export function maxResultsOf(requestData: DeclarativeRestApiSettings.ResultOptions): number {
	const max = Number(requestData.maxResults);
	return Number.isFinite(max) && max > 0 ? max : Infinity;
}

/** The error of a list past the most items one input item may output (`limits.maxOutputItems`). */
export function tooManyItems(context: IExecutePaginationFunctions): NodeOperationError {
	return new NodeOperationError(
		context.getNode(),
		`Return All stopped at ${limits.maxOutputItems.toLocaleString('en-US')} results: n8n cannot output more from one input item`,
		{
			itemIndex: context.getItemIndex(),
			description:
				'Use Limit, narrow the list with a filter, or split the work over several input items.',
		},
	);
}

async function fetchPage(
	context: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	qs: IDataObject,
): Promise<Page> {
	const options = { ...requestData.options, qs: { ...requestData.options.qs, ...qs } };
	const [page] = await sendRoutedRequest.call(context, { ...requestData, options });
	return (page?.json ?? {}) as Page;
}

/**
 * Follows PostHog's forward-only `cursor` (groups list, docs/posthog-api.md §2.1). The cursor is read
 * out of `next` rather than following that URL, which can carry the wrong host behind a proxy.
 * An unknown cursor makes PostHog serve page 1 again, so a repeated cursor or a group already
 * output ends the loop, and nothing is output twice.
 */
export async function followCursor(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const maxResults = maxResultsOf(requestData);
	const groups: IDataObject[] = [];
	const seenGroups = new Set<string>();
	const seenCursors = new Set<string>();
	let cursor: string | undefined;
	for (let pages = 0; pages < limits.maxPages; pages++) {
		const page = await fetchPage(this, requestData, cursor ? { cursor } : {});
		let loopedBack = false;
		for (const group of page.results ?? []) {
			// One group type is listed at a time, so the key alone identifies a group.
			const key = String(group.group_key);
			if (seenGroups.has(key)) {
				loopedBack = true;
				continue;
			}
			seenGroups.add(key);
			groups.push(group);
		}
		if (groups.length >= maxResults) return toItems(this, groups.slice(0, maxResults));
		if (groups.length > limits.maxOutputItems) throw tooManyItems(this);
		const next = queryParameterOf(page.next, 'cursor');
		if (loopedBack || !next || seenCursors.has(next)) return toItems(this, groups);
		seenCursors.add(next);
		cursor = next;
	}
	throw tooManyPagesError(this.getNode(), this.getItemIndex());
}

/**
 * Walks `page`/`limit` pages (groups activity, docs/posthog-api.md §2.3) until `next` is null.
 * Fetches only as many pages as the limit needs.
 */
export async function followPageNumbers(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const maxResults = maxResultsOf(requestData);
	const limit = Math.min(100, maxResults);
	const entries: IDataObject[] = [];
	for (let pageNumber = 1; pageNumber <= limits.maxPages; pageNumber++) {
		const page = await fetchPage(this, requestData, { page: pageNumber, limit });
		const results = page.results ?? [];
		entries.push(...results);
		if (entries.length >= maxResults) return toItems(this, entries.slice(0, maxResults));
		if (entries.length > limits.maxOutputItems) throw tooManyItems(this);
		if (!page.next || results.length === 0) return toItems(this, entries);
	}
	throw tooManyPagesError(this.getNode(), this.getItemIndex());
}

/**
 * Walks `limit`/`offset` pages (PostHog's default pagination, docs/posthog-api.md §0), fetching only
 * as many as the Limit needs. `keep` drops entries client-side, for filters that older PostHog
 * versions ignore. Persons set `next` whenever a page is full, so the page after a full last
 * page is empty (docs/posthog-api-part2.md §3): an empty page ends the walk.
 *
 * `withoutNext`, for a list that has no `next` (actions, docs/posthog-api-part3.md §2): a page
 * shorter than asked is the last. Older servers ignore `limit` and `offset` there and answer
 * every row each time, so a row met again is dropped, and a page with nothing new ends the walk.
 */
export async function followOffset(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	keep: (entry: IDataObject) => boolean = () => true,
	{ withoutNext = false }: { withoutNext?: boolean } = {},
): Promise<IDataObject[]> {
	const maxResults = maxResultsOf(requestData);
	const pageSize = Math.min(100, maxResults);
	const entries: IDataObject[] = [];
	const seen = new Set<string>();
	const isNew = (entry: IDataObject) => {
		const id = String(entry.id);
		if (seen.has(id)) return false;
		seen.add(id);
		return true;
	};
	for (let pages = 0; pages < limits.maxPages; pages++) {
		const page = await fetchPage(this, requestData, { limit: pageSize, offset: pages * pageSize });
		const results = page.results ?? [];
		const fresh = withoutNext ? results.filter(isNew) : results;
		entries.push(...fresh.filter(keep));
		if (entries.length >= maxResults) return entries.slice(0, maxResults);
		if (entries.length > limits.maxOutputItems) throw tooManyItems(this);
		const last = withoutNext
			? results.length < pageSize || fresh.length === 0
			: !page.next || results.length === 0;
		if (last) return entries;
	}
	throw tooManyPagesError(this.getNode(), this.getItemIndex());
}

/** The pager of `limit`/`offset` lists: one item per entry, up to the Limit. */
export async function followOffsetPages(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	return toItems(this, await followOffset.call(this, requestData));
}
