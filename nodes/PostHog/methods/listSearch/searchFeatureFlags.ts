import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { type Page, queryParameterOf } from '../../shared/pages';
import { currentProjectId } from '../../shared/project';
import { postHogHostOf } from '../../transport/credential';
import { postHogRequest } from '../../transport/request';

/** Feature flags by key (and description), valued by numeric id; `search` matches either. */
export async function searchFeatureFlags(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const projectId = currentProjectId(this);
	const page = await postHogRequest<Page>(this, {
		method: 'GET',
		url: `/api/projects/${projectId}/feature_flags/`,
		qs: { limit: 100, offset: paginationToken ?? 0, ...(filter ? { search: filter } : {}) },
	});
	const baseUrl = await postHogHostOf(this);
	const results = (page.results ?? []).map((flag) => ({
		name: flag.name ? `${String(flag.key)} (${String(flag.name)})` : String(flag.key),
		value: String(flag.id),
		url: `${baseUrl}/project/${projectId}/feature_flags/${String(flag.id)}`,
	}));
	return { results, paginationToken: queryParameterOf(page.next, 'offset') };
}
