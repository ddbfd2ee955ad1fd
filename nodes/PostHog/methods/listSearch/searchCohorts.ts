import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { currentProjectId } from '../../shared/project';
import { searchPages } from './searchPages';

/** Cohorts by name (static or dynamic), valued by numeric ID; deleted ones are not listed. */
export async function searchCohorts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const projectId = currentProjectId(this);
	return await searchPages(this, {
		path: `/api/projects/${projectId}/cohorts/`,
		filter,
		paginationToken,
		toItem: (cohort, host) => ({
			name: `${String(cohort.name)} (${cohort.is_static ? 'static' : 'dynamic'})`,
			value: String(cohort.id),
			url: `${host}/project/${projectId}/cohorts/${String(cohort.id)}`,
		}),
	});
}
