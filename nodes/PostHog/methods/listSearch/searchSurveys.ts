import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { currentProjectId } from '../../shared/project';
import { searchPages } from './searchPages';

/** Surveys by name, archived ones left out, valued by UUID. */
export async function searchSurveys(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const projectId = currentProjectId(this);
	return await searchPages(this, {
		path: `/api/projects/${projectId}/surveys/`,
		qs: { archived: false },
		filter,
		paginationToken,
		toItem: (survey, host) => ({
			name: String(survey.name),
			value: String(survey.id),
			url: `${host}/project/${projectId}/surveys/${String(survey.id)}`,
		}),
	});
}
