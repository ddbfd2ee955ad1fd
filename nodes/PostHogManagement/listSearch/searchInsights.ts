import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { postHogBaseUrl } from '../../../credentials/PostHogManagementApi.credentials';
import { currentProjectId } from '../shared/currentProject';
import { queryParameterOf } from '../shared/pagination';
import { CREDENTIAL_TYPE } from '../shared/constants';
import { postHogRequest } from '../shared/transport';

type InsightsPage = { results?: IDataObject[]; next?: string | null };

export async function searchInsights(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const projectId = currentProjectId(this);
	const page = (await postHogRequest.call(this, 'GET', `/api/projects/${projectId}/insights/`, {
		basic: true,
		limit: 100,
		offset: paginationToken ?? 0,
		...(filter ? { search: filter } : {}),
	})) as InsightsPage;
	const baseUrl = postHogBaseUrl(await this.getCredentials(CREDENTIAL_TYPE));
	const results = (page.results ?? []).map((insight) => ({
		name: String(insight.name || insight.derived_name || insight.short_id),
		value: String(insight.id),
		url: `${baseUrl}/project/${projectId}/insights/${String(insight.short_id)}`,
	}));
	return { results, paginationToken: queryParameterOf(page.next, 'offset') };
}
