'use strict';
// GET groups/activity/: a group's activity log, paged by page & limit. docs/posthog-api.md §2.3.
// Needs activity_log:read, not group:read; takes group_key (the OAS's `id` is ignored).
const errors = require('../errors');
const { json } = require('../respond');
const { pyInt } = require('../validate');
const { pageUrl } = require('../pagination');
const { parseIsoMicros } = require('../time');
const { getGroupFromQuery, serializeActivity } = require('../models/groups');

function groupActivity(ctx) {
	const group = getGroupFromQuery(ctx);
	// int() of the params and Django's Paginator: bad values are unhandled exceptions (500)
	const limit = pyInt(ctx.query.limit ?? '10');
	const page = pyInt(ctx.query.page ?? '1');
	if (limit === null || page === null || limit < 1) throw errors.serverError();
	const entries = ctx.state.activity
		.filter(
			(a) =>
				a.project_id === ctx.project.id && a.scope === 'Group' && a.item_id === String(group.id),
		)
		.sort((a, b) => parseIsoMicros(b.created_at) - parseIsoMicros(a.created_at));
	const pageCount = Math.max(1, Math.ceil(entries.length / limit));
	if (page < 1 || page > pageCount) throw errors.serverError(); // EmptyPage
	return json(200, {
		results: entries.slice((page - 1) * limit, page * limit).map(serializeActivity),
		next: page < pageCount ? pageUrl(ctx, page + 1, limit) : null,
		previous: page > 1 ? pageUrl(ctx, page - 1, limit) : null,
		total_count: entries.length,
	});
}

module.exports = {
	routes: [
		{
			method: 'GET',
			path: '/api/projects/:projectId/groups/activity/',
			scope: 'activity_log:read',
			handler: groupActivity,
		},
	],
};
