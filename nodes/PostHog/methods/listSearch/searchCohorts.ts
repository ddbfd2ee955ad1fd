import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { type Page, queryParameterOf } from '../../shared/pages';
import { currentProjectId } from '../../shared/project';
import { postHogHostOf } from '../../transport/credential';
import { postHogRequest } from '../../transport/request';

/** Cohorts by name (static or dynamic), valued by numeric ID; deleted ones are not listed. */
export async function searchCohorts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const projectId = currentProjectId(this);
	const page = await postHogRequest<Page>(this, {
		method: 'GET',
		url: `/api/projects/${projectId}/cohorts/`,
		qs: { limit: 100, offset: paginationToken ?? 0, ...(filter ? { search: filter } : {}) },
	});
	const baseUrl = await postHogHostOf(this);
	const results = (page.results ?? []).map((cohort) => ({
		name: `${String(cohort.name)} (${cohort.is_static ? 'static' : 'dynamic'})`,
		value: String(cohort.id),
		url: `${baseUrl}/project/${projectId}/cohorts/${String(cohort.id)}`,
	}));
	return { results, paginationToken: queryParameterOf(page.next, 'offset') };
}
