import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { currentProjectId } from '../../shared/project';
import { postHogHostOf } from '../../transport/credential';
import { postHogRequest } from '../../transport/request';

const PAGE_SIZE = 100;

/**
 * Actions by name, valued by numeric ID. The list has no `next`, and older servers ignore
 * `limit`, `offset` and `search` (docs/posthog-api-part3.md §2): the search is applied here too,
 * and a short page is the last.
 */
export async function searchActions(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const projectId = currentProjectId(this);
	const offset = Number(paginationToken ?? 0);
	const page = await postHogRequest<{ results?: IDataObject[] }>(this, {
		method: 'GET',
		url: `/api/projects/${projectId}/actions/`,
		qs: { limit: PAGE_SIZE, offset, ...(filter ? { search: filter } : {}) },
	});
	const baseUrl = await postHogHostOf(this);
	const rows = page.results ?? [];
	const needle = (filter ?? '').toLowerCase();
	const results = rows
		.filter((action) =>
			String(action.name ?? '')
				.toLowerCase()
				.includes(needle),
		)
		.map((action) => ({
			name: String(action.name),
			value: String(action.id),
			url: `${baseUrl}/project/${projectId}/data-management/actions/${String(action.id)}`,
		}));
	// a full page may have more after it; an older server answers every action at once
	const more = rows.length === PAGE_SIZE;
	return { results, paginationToken: more ? String(offset + PAGE_SIZE) : undefined };
}
