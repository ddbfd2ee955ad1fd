import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { currentProjectId } from '../../shared/project';
import { searchPages } from './searchPages';

/** Dashboards by name, pinned first, valued by numeric ID. */
export async function searchDashboards(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const projectId = currentProjectId(this);
	const needle = filter?.toLowerCase();
	return await searchPages(this, {
		path: `/api/projects/${projectId}/dashboards/`,
		filter,
		paginationToken,
		// older servers ignore `search`
		toItem: (dashboard, host) =>
			needle && !String(dashboard.name).toLowerCase().includes(needle)
				? undefined
				: {
						name: String(dashboard.name),
						value: String(dashboard.id),
						url: `${host}/project/${projectId}/dashboard/${String(dashboard.id)}`,
					},
	});
}
