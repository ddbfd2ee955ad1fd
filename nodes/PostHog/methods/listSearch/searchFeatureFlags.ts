import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { currentProjectId } from '../../shared/project';
import { searchPages } from './searchPages';

/** Feature flags by key (and description), valued by numeric id; `search` matches either. */
export async function searchFeatureFlags(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const projectId = currentProjectId(this);
	return await searchPages(this, {
		path: `/api/projects/${projectId}/feature_flags/`,
		filter,
		paginationToken,
		toItem: (flag, host) => ({
			name: flag.name ? `${String(flag.key)} (${String(flag.name)})` : String(flag.key),
			value: String(flag.id),
			url: `${host}/project/${projectId}/feature_flags/${String(flag.id)}`,
		}),
	});
}
