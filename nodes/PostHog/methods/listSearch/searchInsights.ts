import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { currentProjectId } from '../../shared/project';
import { searchPages } from './searchPages';

export async function searchInsights(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const projectId = currentProjectId(this);
	return await searchPages(this, {
		path: `/api/projects/${projectId}/insights/`,
		qs: { basic: true },
		filter,
		paginationToken,
		toItem: (insight, host) => ({
			name: String(insight.name || insight.derived_name || insight.short_id),
			value: String(insight.id),
			url: `${host}/project/${projectId}/insights/${String(insight.short_id)}`,
		}),
	});
}
