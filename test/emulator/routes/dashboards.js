'use strict';
// dashboards/: list (limit/offset, `search` on name, description and tags; deleted left out;
// pinned first, then by name), get (tiles with their insights and cached results), run_insights/
// (`output_format=json`, `refresh`: one result per insight tile, text tiles and insights
// without a query skipped), soft delete by PATCH {deleted}, DELETE → 405. docs/posthog-api-part3.md
// §5. `state.dashboardRunInsights = false` plays a server without run_insights/ (404).
const errors = require('../errors');
const { json } = require('../respond');
const { limitOffsetPage } = require('../pagination');
const { pyInt, viewData } = require('../validate');
const { insightResult, serializeInsight } = require('../models/insights');

const REFRESH = ['force_cache', 'blocking', 'force_blocking'];

const dashboardsOf = (ctx) => ctx.state.dashboards.filter((d) => d.project_id === ctx.project.id);
const basic = ({ project_id, tiles, ...dashboard }) => dashboard;

function findDashboard(ctx) {
	const id = pyInt(ctx.params.id);
	const dashboard = dashboardsOf(ctx).find((d) => d.id === id && !d.deleted);
	if (!dashboard) throw errors.notFound();
	return dashboard;
}

const insightOf = (ctx, tile) =>
	tile.insightId === undefined
		? undefined
		: ctx.state.insights.find((i) => i.id === tile.insightId && !i.deleted);

function listDashboards(ctx) {
	const needle = String(ctx.query.search ?? '').toLowerCase();
	if (needle.length > 200) throw errors.validation('search', 'Search query too long.');
	const rows = dashboardsOf(ctx)
		.filter((d) => !d.deleted)
		.filter((d) => `${d.name} ${d.description} ${d.tags.join(' ')}`.toLowerCase().includes(needle))
		.sort((a, b) => Number(b.pinned) - Number(a.pinned) || a.name.localeCompare(b.name))
		.map(basic);
	return json(200, limitOffsetPage(ctx, rows));
}

function getDashboard(ctx) {
	const dashboard = findDashboard(ctx);
	const tiles = dashboard.tiles.map((tile) => {
		const insight = insightOf(ctx, tile);
		return {
			id: tile.id,
			layouts: tile.layouts,
			color: null,
			insight: insight ? serializeInsight(ctx.state, insight) : null,
			text: tile.text ? { body: tile.text } : null,
		};
	});
	return json(200, { ...basic(dashboard), tiles });
}

function runInsights(ctx) {
	const dashboard = findDashboard(ctx);
	const refresh = ctx.query.refresh ?? 'force_cache';
	if (!REFRESH.includes(refresh))
		throw errors.validation('refresh', `"${refresh}" is not a valid choice.`);
	// DashboardTile.sort_tiles_by_layout, then numbered among all tiles: text tiles leave gaps.
	const at = (tile, axis) => tile.layouts?.sm?.[axis] ?? 100;
	const results = [...dashboard.tiles]
		.sort((a, b) => at(a, 'y') - at(b, 'y') || at(a, 'x') - at(b, 'x'))
		.map((tile, order) => ({ tile, order, insight: insightOf(ctx, tile) }))
		.filter(({ insight }) => insight && insight.query)
		.map(({ tile, order, insight }) => ({
			id: tile.id,
			order,
			insight: {
				id: insight.id,
				short_id: insight.short_id,
				name: insight.name,
				derived_name: insight.derived_name,
				result: insightResult(ctx.state, insight, refresh, ctx.now()).result,
			},
		}));
	return json(200, { results });
}

function updateDashboard(ctx) {
	const id = pyInt(ctx.params.id);
	const dashboard = dashboardsOf(ctx).find((d) => d.id === id);
	if (!dashboard) throw errors.notFound();
	const body = viewData(ctx.body());
	if ('deleted' in body) dashboard.deleted = Boolean(body.deleted);
	if (typeof body.name === 'string') dashboard.name = body.name;
	return json(200, basic(dashboard));
}

const base = '/api/projects/:projectId/dashboards';
const read = { scope: 'dashboard:read' };
const write = { scope: 'dashboard:write' };

module.exports = {
	routes: [
		{ method: 'GET', path: `${base}/`, ...read, handler: listDashboards },
		{ method: 'GET', path: `${base}/:id/`, ...read, handler: getDashboard },
		{
			method: 'GET',
			path: `${base}/:id/run_insights/`,
			// required_scopes=["query:read"] on the action (part 3 §5)
			scope: 'query:read',
			enabled: (state) => state.dashboardRunInsights !== false,
			handler: runInsights,
		},
		{ method: 'PATCH', path: `${base}/:id/`, ...write, handler: updateDashboard },
		{
			method: 'DELETE',
			path: `${base}/:id/`,
			...write,
			handler: () => {
				throw errors.forbidDestroy();
			},
		},
	],
};
