import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { postHogBaseUrl } from '../../../credentials/PostHogManagementApi.credentials';
import { currentProjectId } from '../shared/currentProject';
import { queryParameterOf, type Page } from '../shared/pagination';
import { CREDENTIAL_TYPE } from '../shared/constants';
import { postHogRequest } from '../shared/transport';

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
	const baseUrl = postHogBaseUrl(await this.getCredentials(CREDENTIAL_TYPE));
	const results = (page.results ?? []).map((insight) => ({
		name: String(insight.name || insight.derived_name || insight.short_id),
		value: String(insight.id),
		url: `${baseUrl}/project/${projectId}/insights/${String(insight.short_id)}`,
	}));
	return { results, paginationToken: queryParameterOf(page.next, 'offset') };
}
