'use strict';
// insights/: list (also the insight picker of the sharing operations), get, create, update,
// soft delete; DELETE is refused. docs/posthog-api.md §4; docs/posthog-api-part2.md §5.1, §8.
const errors = require('../errors');
const { json } = require('../respond');
const { strToBool, serializerData } = require('../validate');
const { limitOffsetPage } = require('../pagination');
const { shortId } = require('../ids');
const { isoFromDate } = require('../time');
const { executionMode } = require('../models/queryRunner');
const m = require('../models/insights');

const matchesSearch = (insight, needle) =>
	[insight.name, insight.derived_name, insight.description, ...insight.tags].some(
		(text) => typeof text === 'string' && text.toLowerCase().includes(needle),
	);

/** `saved`: truthy keeps saved insights and those on a dashboard, falsy only unsaved ones (§5.1). */
const matchesSaved = (insight, saved) =>
	saved === undefined
		? true
		: strToBool(saved)
			? insight.saved || insight.dashboards.length > 0
			: !insight.saved;

function listInsights(ctx) {
	const { search, short_id: shortIdFilter, basic, saved } = ctx.query;
	const needle = (search || '').toLowerCase();
	const serialize = strToBool(basic) ? m.serializeInsightBasic : m.serializeInsight;
	const insights = ctx.state.insights
		.filter((i) => i.project_id === ctx.project.id && !i.deleted) // soft-deleted are excluded (§4)
		.filter((i) => shortIdFilter === undefined || i.short_id === shortIdFilter)
		.filter((i) => matchesSaved(i, saved))
		.filter((i) => !needle || matchesSearch(i, needle))
		.sort((a, b) =>
			a.last_modified_at < b.last_modified_at
				? 1
				: a.last_modified_at > b.last_modified_at
					? -1
					: 0,
		)
		.map((i) => serialize(ctx.state, i));
	return json(200, limitOffsetPage(ctx, insights));
}

/** `refresh_requested_by_client`: true/1/yes/"" → true, a known mode → itself, else false. */
function refreshParam(value) {
	if (value === undefined) return false;
	if (['true', '1', 'yes', ''].includes(value.toLowerCase())) return true;
	if (['false', '0', 'no'].includes(value.toLowerCase())) return false;
	return [
		'async',
		'blocking',
		'force_async',
		'force_blocking',
		'force_cache',
		'lazy_async',
	].includes(value)
		? value
		: false;
}

// §5.1: results come from the cache (null on a miss) unless `refresh` asks to calculate.
function getInsight(ctx) {
	const insight = m.getInsight(ctx);
	const mode = executionMode(refreshParam(ctx.query.refresh));
	return json(
		200,
		m.serializeInsight(ctx.state, insight, m.insightResult(ctx.state, insight, mode, ctx.now())),
	);
}

// §5.1: `saved` is false unless sent.
function createInsight(ctx) {
	const fields = m.writableFields(ctx, serializerData(m.insightBody(ctx.body())));
	const now = isoFromDate(ctx.now());
	const insight = {
		project_id: ctx.project.id,
		id: Math.max(0, ...ctx.state.insights.map((i) => i.id)) + 1,
		short_id: shortId(),
		name: null,
		derived_name: null,
		description: null,
		tags: [],
		favorited: false,
		saved: false,
		deleted: false,
		order: null,
		dashboards: [],
		query: null,
		filters: {},
		created_at: now,
		last_modified_at: now,
		user_access_level: 'editor',
		...fields,
	};
	ctx.state.insights.push(insight);
	return json(201, m.serializeInsight(ctx.state, insight));
}

// §5.1: only the fields sent change, `saved` becomes true unless sent; {deleted:false} restores.
function updateInsight(ctx) {
	const body = m.insightBody(ctx.body());
	const insight = m.getInsight(ctx, { includeDeleted: body.deleted === false });
	const fields = m.writableFields(ctx, serializerData(body));
	if (fields.saved === undefined) fields.saved = true;
	if (m.MATERIAL_FIELDS.some((name) => name in fields))
		fields.last_modified_at = isoFromDate(ctx.now());
	Object.assign(insight, fields);
	return json(200, m.serializeInsight(ctx.state, insight));
}

// ForbidDestroyModel: 405 with no body; soft delete with PATCH {deleted:true} (§8).
function destroyInsight() {
	throw errors.forbidDestroy();
}

const base = '/api/projects/:projectId/insights';

module.exports = {
	routes: [
		{ method: 'GET', path: `${base}/`, scope: 'insight:read', handler: listInsights },
		{ method: 'POST', path: `${base}/`, scope: 'insight:write', handler: createInsight },
		{ method: 'GET', path: `${base}/:insightId/`, scope: 'insight:read', handler: getInsight },
		{
			method: 'PATCH',
			path: `${base}/:insightId/`,
			scope: 'insight:write',
			handler: updateInsight,
		},
		{
			method: 'DELETE',
			path: `${base}/:insightId/`,
			scope: 'insight:write',
			handler: destroyInsight,
		},
	],
};
