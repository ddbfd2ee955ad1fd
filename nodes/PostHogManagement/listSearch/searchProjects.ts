import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { postHogBaseUrl } from '../../../credentials/PostHogManagementApi.credentials';
import { CREDENTIAL_TYPE } from '../shared/constants';
import { postHogRequest } from '../shared/transport';
import { queryParameterOf } from '../shared/pagination';

type ProjectsPage = { results?: IDataObject[]; next?: string | null };

export async function searchProjects(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = (await postHogRequest.call(this, 'GET', '/api/projects/', {
		limit: 100,
		offset: paginationToken ?? 0,
		...(filter ? { search: filter } : {}),
	})) as ProjectsPage;
	const baseUrl = postHogBaseUrl(await this.getCredentials(CREDENTIAL_TYPE));
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
