import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { type Page, queryParameterOf } from '../../shared/pages';
import { currentProjectId } from '../../shared/project';
import { postHogHostOf } from '../../transport/credential';
import { postHogRequest } from '../../transport/request';

export async function searchInsights(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const projectId = currentProjectId(this);
	const page = await postHogRequest<Page>(this, {
		method: 'GET',
		url: `/api/projects/${projectId}/insights/`,
		qs: {
			basic: true,
			limit: 100,
			offset: paginationToken ?? 0,
			...(filter ? { search: filter } : {}),
		},
	});
	const baseUrl = await postHogHostOf(this);
	const results = (page.results ?? []).map((insight) => ({
		name: String(insight.name || insight.derived_name || insight.short_id),
		value: String(insight.id),
		url: `${baseUrl}/project/${projectId}/insights/${String(insight.short_id)}`,
	}));
	return { results, paginationToken: queryParameterOf(page.next, 'offset') };
}
