'use strict';
// alerts/: the project's insight alerts, limit/offset pages, newest first, `insight` read back as
// the basic insight object; get by UUID. docs/posthog-api-part3.md §7.
const errors = require('../errors');
const { json } = require('../respond');
const { limitOffsetPage } = require('../pagination');
const { normalizeUuid } = require('../ids');

function serialize(state, { project_id, insight, ...alert }) {
	const row = state.insights.find((i) => i.project_id === project_id && i.id === insight);
	return {
		...alert,
		insight: row
			? { id: row.id, short_id: row.short_id, name: row.name, derived_name: row.derived_name }
			: insight,
	};
}

function listAlerts(ctx) {
	const insight = ctx.query.insight ?? ctx.query.insight_id;
	const rows = ctx.state.alerts
		.filter((a) => a.project_id === ctx.project.id)
		.filter((a) => insight === undefined || String(a.insight) === String(insight))
		.sort((a, b) => (a.created_at < b.created_at ? 1 : -1))
		.map((a) => serialize(ctx.state, a));
	return json(200, limitOffsetPage(ctx, rows));
}

function getAlert(ctx) {
	const id = normalizeUuid(ctx.params.alertId);
	const alert = ctx.state.alerts.find(
		(a) => a.project_id === ctx.project.id && normalizeUuid(a.id) === id,
	);
	if (!id || !alert) throw errors.notFound();
	return json(200, serialize(ctx.state, alert));
}

const base = '/api/projects/:projectId/alerts';

module.exports = {
	routes: [
		{ method: 'GET', path: `${base}/`, scope: 'alert:read', handler: listAlerts },
		{ method: 'GET', path: `${base}/:alertId/`, scope: 'alert:read', handler: getAlert },
	],
};
