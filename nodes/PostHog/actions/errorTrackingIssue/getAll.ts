import {
	updateDisplayOptions,
	type DeclarativeRestApiSettings,
	type IDataObject,
	type IExecutePaginationFunctions,
	type INodeExecutionData,
	type INodePropertyOptions,
} from 'n8n-workflow';
import { errorTrackingQuery } from '../../shared/errorTrackingQuery';
import { tooManyPagesError } from '../../shared/pages';
import { sendRoutedRequest } from '../../transport/request';
import { limits } from '../../transport/timing';
import { filtersField, limitField, optionsField, returnAllField } from '../shared/descriptions';
import { pagedBy } from '../shared/operations';
import { toItems } from '../shared/output';
import { maxResultsOf, tooManyItems } from '../shared/pagination';

type Filters = { status?: string; search?: string; dateFrom?: string };

/** The query of one page, from the filters. */
function issuesQuery(context: IExecutePaginationFunctions, limit: number, offset: number) {
	const filters = context.getNodeParameter('filters', {}) as Filters;
	return errorTrackingQuery({
		status: filters.status || 'active',
		search: filters.search?.trim(),
		dateFrom: filters.dateFrom?.trim() || '-7d',
		orderBy: context.getNodeParameter('options.orderBy', 'last_seen') as string,
		limit,
		offset,
	});
}

/**
 * The issues, an `ErrorTrackingQuery` (in PostHog's ClickHouse throttle, not HogQL's) paged by
 * `limit`/`offset` while PostHog says it has more. Its pages are uneven (docs/posthog-api-part3.md
 * §4.3): one can carry the next page's first row as an extra row, and on some versions one can
 * be short or even empty while more follow. So the offset moves by the page size asked for,
 * rows past it are left to the next page, and an issue seen already is dropped.
 */
async function followIssuePages(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const maxResults = maxResultsOf(requestData);
	const pageSize = Math.min(100, maxResults);
	const issues: IDataObject[] = [];
	const seen = new Set<string>();
	for (let pages = 0; pages < limits.maxPages; pages++) {
		const body = issuesQuery(this, pageSize, pages * pageSize);
		const [answer] = await sendRoutedRequest.call(this, {
			...requestData,
			options: { ...requestData.options, body },
		});
		const rows = ((answer?.json.results as IDataObject[] | undefined) ?? []).slice(0, pageSize);
		for (const issue of rows) {
			if (seen.has(String(issue.id))) continue;
			seen.add(String(issue.id));
			issues.push(issue);
		}
		if (issues.length >= maxResults) return toItems(this, issues.slice(0, maxResults));
		if (issues.length > limits.maxOutputItems) throw tooManyItems(this);
		if (answer?.json.hasMore !== true) return toItems(this, issues);
	}
	throw tooManyPagesError(this.getNode(), this.getItemIndex());
}

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many error tracking issues',
	description: 'List error-tracking issues with their counts, most recently seen first',
	routing: {
		request: { method: 'POST', url: '/api/projects/{projectId}/query/' },
		operations: pagedBy(followIssuePages),
	},
};

export const toolDescription =
	'List the project’s error-tracking issues seen in a date range (default the last 7 days), one item per issue: id, name (exception type), description (message), status, first_seen, last_seen, assignee and aggregations (occurrences, users, sessions). Filters: Status (active by default, resolved, suppressed, all), a text Search over exception types, messages and stack frames, Date From (-7d, -30d or YYYY-MM-DD). Ordered by last seen unless Options → Order By says otherwise.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['errorTrackingIssue'], operation: ['getAll'] } },
	[
		returnAllField(),
		limitField(),
		filtersField(
			{
				displayName: 'Date From',
				name: 'dateFrom',
				type: 'string',
				default: '-7d',
				placeholder: 'e.g. -30d or 2025-06-01',
				description:
					'Only issues seen since then: a relative date such as -7d or -24h, or a date (YYYY-MM-DD)',
			},
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				placeholder: 'e.g. TypeError',
				description: 'Only issues whose exception type, message or stack frames contain this text',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Active', value: 'active' },
					{ name: 'All', value: 'all' },
					{ name: 'Resolved', value: 'resolved' },
					{ name: 'Suppressed', value: 'suppressed' },
				],
				default: 'active',
				description: 'Only issues with this status',
			},
		),
		optionsField({
			displayName: 'Order By',
			name: 'orderBy',
			type: 'options',
			options: [
				{ name: 'First Seen', value: 'first_seen' },
				{ name: 'Last Seen', value: 'last_seen' },
				{ name: 'Occurrences', value: 'occurrences' },
				{ name: 'Sessions', value: 'sessions' },
				{ name: 'Users', value: 'users' },
			],
			default: 'last_seen',
			description: 'What the issues are ordered by, highest or latest first',
		}),
	],
);
