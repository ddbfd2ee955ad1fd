import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { searchPages } from './searchPages';

export async function searchProjects(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	// Older PostHog ignores ?search=, so the filter is applied here too.
	const needle = (filter ?? '').toLowerCase();
	return await searchPages(this, {
		path: '/api/projects/',
		filter,
		paginationToken,
		toItem: (project, host) =>
			String(project.name ?? '')
				.toLowerCase()
				.includes(needle) || String(project.id) === filter
				? {
						name: `${String(project.name)} (${String(project.id)})`,
						value: String(project.id),
						url: `${host}/project/${String(project.id)}`,
					}
				: undefined,
	});
}
