'use strict';
// error_tracking/issues/: list (limit/offset, no filters), get by UUID (a non-UUID: 404 "Issue
// not found"), PATCH (status, name, description; archived and pending_release refused), assign
// (`{assignee: {type, id} | null}`), DELETE → 405; and `ErrorTrackingQuery` for `POST query/`.
// docs/posthog-api-part3.md §4. `state.errorTrackingRoutes` plays the server versions of §4.1:
// 'projects' (newest), 'both', 'environments' (older).
const errors = require('../errors');
const { json } = require('../respond');
const { limitOffsetPage } = require('../pagination');
const { viewData } = require('../validate');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STATUSES = ['active', 'resolved', 'suppressed'];

const issuesOf = (ctx) =>
	ctx.state.errorTrackingIssues.filter((issue) => issue.project_id === ctx.project.id);
const serialize = ({ project_id, occurrences, users, sessions, last_seen, ...issue }) => issue;

function findIssue(ctx) {
	const { id } = ctx.params;
	const issue = UUID.test(id) ? issuesOf(ctx).find((i) => i.id === id) : undefined;
	if (!issue) throw errors.notFound('Issue not found');
	return issue;
}

function updateIssue(ctx) {
	const issue = findIssue(ctx);
	const body = viewData(ctx.body());
	if ('status' in body && !STATUSES.includes(body.status))
		throw errors.validation('status', `"${body.status}" is not a valid choice.`, 'invalid_choice');
	for (const name of ['status', 'name', 'description'])
		if (typeof body[name] === 'string') issue[name] = body[name];
	return json(200, serialize(issue));
}

function assignIssue(ctx) {
	const issue = findIssue(ctx);
	const { assignee } = viewData(ctx.body());
	if (assignee === null) {
		issue.assignee = null;
		return json(200, { success: true });
	}
	const member = ctx.state.organizationMembers.find((m) => m.user.id === assignee?.id);
	if (assignee?.type !== 'user' || !member) throw errors.validation('assignee', 'Invalid assignee');
	issue.assignee = { type: 'user', id: assignee.id };
	return json(200, { success: true });
}

const DAY_MS = 864e5;
/** `dateRange.date_from`: `-7d`, `-24h`, or a date. */
function sinceOf(dateFrom, now) {
	const relative = /^-(\d+)([hdwm])$/.exec(String(dateFrom ?? ''));
	if (relative) {
		const unit = { h: 36e5, d: DAY_MS, w: 7 * DAY_MS, m: 30 * DAY_MS }[relative[2]];
		return new Date(now.getTime() - Number(relative[1]) * unit).toISOString();
	}
	const date = new Date(String(dateFrom));
	if (Number.isNaN(date.getTime())) throw errors.validation(null, 'Invalid date range');
	return date.toISOString();
}

/**
 * `ErrorTrackingQuery` (§4.3): the issues with their aggregations, paged by limit/offset; a page
 * with more after it holds one row too many, as PostHog's runners answer.
 */
function runErrorTrackingQuery(ctx, query) {
	if (!query.dateRange || query.volumeResolution === undefined)
		throw errors.validation(null, 'dateRange and volumeResolution are required');
	const since = sinceOf(query.dateRange.date_from, ctx.now());
	const needle = String(query.searchQuery ?? '').toLowerCase();
	const order = query.orderBy ?? 'last_seen';
	const sign = query.orderDirection === 'ASC' ? 1 : -1;
	const rows = issuesOf(ctx)
		.filter((i) => !query.status || query.status === 'all' || i.status === query.status)
		.filter((i) => i.last_seen >= since)
		.filter((i) => `${i.name} ${i.description}`.toLowerCase().includes(needle))
		.sort((a, b) => (a[order] < b[order] ? -sign : a[order] > b[order] ? sign : 0));
	const limit = query.limit ?? 100;
	const offset = query.offset ?? 0;
	// HogQLHasMorePaginator asks for limit + 1 rows, and the runner answers them untrimmed
	const page = rows.slice(offset, offset + limit + 1).map((issue) => ({
		...serialize(issue),
		last_seen: issue.last_seen,
		aggregations: {
			occurrences: issue.occurrences,
			users: issue.users,
			sessions: issue.sessions,
			volumeRange: null,
		},
	}));
	return json(200, {
		results: page,
		hasMore: rows.length > offset + limit,
		limit,
		offset,
		columns: null,
		is_cached: false,
	});
}

const routesUnder = (root, enabled) => {
	const base = `/api/${root}/:projectId/error_tracking/issues`;
	const read = { scope: 'error_tracking:read', enabled };
	const write = { scope: 'error_tracking:write', enabled };
	return [
		{
			method: 'GET',
			path: `${base}/`,
			...read,
			handler: (ctx) => json(200, limitOffsetPage(ctx, issuesOf(ctx).map(serialize))),
		},
		{
			method: 'GET',
			path: `${base}/:id/`,
			...read,
			handler: (ctx) => json(200, serialize(findIssue(ctx))),
		},
		{ method: 'PATCH', path: `${base}/:id/`, ...write, handler: updateIssue },
		{ method: 'PATCH', path: `${base}/:id/assign/`, ...write, handler: assignIssue },
		{
			method: 'DELETE',
			path: `${base}/:id/`,
			...write,
			handler: () => {
				throw errors.forbidDestroy();
			},
		},
	];
};

module.exports = {
	runErrorTrackingQuery,
	routes: [
		...routesUnder('projects', (state) => state.errorTrackingRoutes !== 'environments'),
		...routesUnder('environments', (state) => state.errorTrackingRoutes !== 'projects'),
		{
			method: 'GET',
			path: '/api/organizations/:organizationId/members/',
			scope: 'organization_member:read',
			handler: (ctx) => json(200, limitOffsetPage(ctx, ctx.state.organizationMembers)),
		},
	],
};
