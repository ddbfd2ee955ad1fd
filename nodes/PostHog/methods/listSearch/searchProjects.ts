import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { type Page, queryParameterOf } from '../../shared/pages';
import { postHogHostOf } from '../../transport/credential';
import { postHogRequest } from '../../transport/request';

export async function searchProjects(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = await postHogRequest<Page>(this, {
		method: 'GET',
		url: '/api/projects/',
		qs: { limit: 100, offset: paginationToken ?? 0, ...(filter ? { search: filter } : {}) },
	});
	const baseUrl = await postHogHostOf(this);
	// Older PostHog ignores ?search=, so the filter is applied here too.
	const needle = (filter ?? '').toLowerCase();
	const results = (page.results ?? [])
		.filter(
			(project) =>
				String(project.name ?? '')
					.toLowerCase()
					.includes(needle) || String(project.id) === filter,
		)
		.map((project) => ({
			name: `${String(project.name)} (${String(project.id)})`,
			value: String(project.id),
			url: `${baseUrl}/project/${String(project.id)}`,
		}));
	return { results, paginationToken: queryParameterOf(page.next, 'offset') };
}
