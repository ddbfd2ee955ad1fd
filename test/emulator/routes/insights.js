'use strict';
// GET insights/: the insight picker of the sharing operations. posthog-api.md §4.
const { json } = require('../respond');
const { strToBool } = require('../validate');
const { limitOffsetPage } = require('../pagination');
const { serializeInsight, serializeInsightBasic } = require('../models/insights');

const matchesSearch = (insight, needle) =>
	[insight.name, insight.derived_name, insight.description, ...insight.tags].some(
		(text) => typeof text === 'string' && text.toLowerCase().includes(needle),
	);

function listInsights(ctx) {
	const { search, short_id: shortId, basic } = ctx.query;
	const needle = (search || '').toLowerCase();
	const serialize = strToBool(basic) ? serializeInsightBasic : serializeInsight;
	const insights = ctx.state.insights
		.filter((i) => i.project_id === ctx.project.id && !i.deleted) // soft-deleted are excluded (§4)
		.filter((i) => shortId === undefined || i.short_id === shortId)
		.filter((i) => !needle || matchesSearch(i, needle))
		.sort((a, b) => (a.last_modified_at < b.last_modified_at ? 1 : a.last_modified_at > b.last_modified_at ? -1 : 0))
		.map((i) => serialize(ctx.state, i));
	return json(200, limitOffsetPage(ctx, insights));
}

module.exports = {
	routes: [{ method: 'GET', path: '/api/projects/:projectId/insights/', scope: 'insight:read', handler: listInsights }],
};
