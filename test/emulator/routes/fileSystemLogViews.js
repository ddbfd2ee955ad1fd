'use strict';
// file_system/log_view/: the user's recently viewed objects. docs/posthog-api.md §1.4, §1.5.
// Both methods need file_system:write, even the GET (§1 "Scopes").
const { json, noContent } = require('../respond');
const {
	serializerData,
	queryData,
	charField,
	integerField,
	dateTimeField,
} = require('../validate');
const { parseIsoMicros, isoFromDate } = require('../time');
const { refusedOnOlderServers } = require('./fileSystem');

// A plain array, newest first; no default limit.
function listLogViews(ctx) {
	const query = queryData(ctx.query, ['limit']);
	const type = charField(query, 'type', { required: false, allowBlank: true });
	const limit = integerField(query, 'limit', { required: false, minValue: 1 });
	const views = ctx.state.logViews
		.filter((v) => v.project_id === ctx.project.id && (!type || v.type === type))
		.sort((a, b) => parseIsoMicros(b.viewed_at) - parseIsoMicros(a.viewed_at))
		.slice(0, limit ?? undefined)
		.map(({ type: t, ref, viewed_at }) => ({ type: t, ref, viewed_at }));
	return json(200, views);
}

// 204 with no body; one row per (type, ref), updated on every view.
function logView(ctx) {
	const data = serializerData(ctx.body());
	const type = charField(data, 'type');
	const ref = charField(data, 'ref');
	const viewedAt = dateTimeField(data, 'viewed_at', { required: false }) ?? isoFromDate(ctx.now());
	const existing = ctx.state.logViews.find(
		(v) => v.project_id === ctx.project.id && v.type === type && v.ref === ref,
	);
	if (existing) existing.viewed_at = viewedAt;
	else ctx.state.logViews.push({ project_id: ctx.project.id, type, ref, viewed_at: viewedAt });
	return noContent();
}

const path = '/api/projects/:projectId/file_system/log_view/';

module.exports = {
	routes: [
		{
			method: 'GET',
			path,
			scope: 'file_system:write',
			handler: refusedOnOlderServers(listLogViews),
		},
		{ method: 'POST', path, scope: 'file_system:write', handler: refusedOnOlderServers(logView) },
	],
};
