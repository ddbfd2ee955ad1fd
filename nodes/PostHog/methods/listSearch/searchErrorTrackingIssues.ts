import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { errorTrackingQuery } from '../../shared/errorTrackingQuery';
import { currentProjectId } from '../../shared/project';
import { postHogHostOf } from '../../transport/credential';
import { postHogRequest } from '../../transport/request';

/**
 * Active issues of the last 30 days by name or message, most recently seen first, valued by
 * UUID.
 */
export async function searchErrorTrackingIssues(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const projectId = currentProjectId(this);
	const offset = Number(paginationToken ?? 0);
	const answer = await postHogRequest<{ results?: IDataObject[]; hasMore?: boolean }>(this, {
		method: 'POST',
		url: `/api/projects/${projectId}/query/`,
		body: errorTrackingQuery({
			status: 'active',
			search: filter,
			dateFrom: '-30d',
			orderBy: 'last_seen',
			limit: 100,
			offset,
		}),
	});
	const host = await postHogHostOf(this);
	// a page can carry the next page's first row as well (docs/posthog-api-part3.md §4.3)
	const results = (answer.results ?? []).slice(0, 100).map((issue) => ({
		name: `${String(issue.name)}${issue.description ? `: ${String(issue.description)}` : ''}`,
		value: String(issue.id),
		url: `${host}/project/${projectId}/error_tracking/${String(issue.id)}`,
	}));
	return { results, paginationToken: answer.hasMore ? String(offset + 100) : undefined };
}
