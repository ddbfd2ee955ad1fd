import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';
import { type Page, queryParameterOf } from '../../shared/pages';
import { postHogHostOf } from '../../transport/credential';
import { postHogRequest } from '../../transport/request';

/**
 * One page of a `limit`/`offset` list as a locator's list search: `search` sent when the user
 * typed something, 100 rows a page, the next page's offset out of `next`. `toItem` turns a row
 * into an entry, given the credential's host for its link; it returns undefined for a row the
 * search should not show (for servers that ignore `search`).
 */
export async function searchPages(
	context: ILoadOptionsFunctions,
	{
		path,
		qs = {},
		filter,
		paginationToken,
		toItem,
	}: {
		path: string;
		qs?: IDataObject;
		filter?: string;
		paginationToken?: string;
		toItem: (row: IDataObject, host: string) => INodeListSearchItems | undefined;
	},
): Promise<INodeListSearchResult> {
	const page = await postHogRequest<Page>(context, {
		method: 'GET',
		url: path,
		qs: { ...qs, limit: 100, offset: paginationToken ?? 0, ...(filter ? { search: filter } : {}) },
	});
	const host = await postHogHostOf(context);
	const results = (page.results ?? []).flatMap((row) => toItem(row, host) ?? []);
	return { results, paginationToken: queryParameterOf(page.next, 'offset') };
}
