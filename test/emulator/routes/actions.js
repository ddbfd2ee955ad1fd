'use strict';
// actions/: the list (not DRF-paginated: no `next`; `limit`, `offset` and `search` opt-in, with
// `count` when `limit` is sent; older servers ignore all three), get by id (deleted ones too),
// DELETE → 405 with no body. docs/posthog-api-part3.md §2. `state.actionsIgnoreParams` plays an
// older server.
const errors = require('../errors');
const { json } = require('../respond');
const { pyInt } = require('../validate');

const serialize = ({ project_id, ...action }) => action;

function listActions(ctx) {
	const live = ctx.state.actions.filter((a) => a.project_id === ctx.project.id && !a.deleted);
	if (ctx.state.actionsIgnoreParams) return json(200, { results: live.map(serialize) });
	const { search, limit, offset } = ctx.query;
	const needle = String(search ?? '').toLowerCase();
	const matching = live.filter((a) => a.name.toLowerCase().includes(needle));
	if (limit === undefined)
		return json(200, { count: matching.length, results: matching.map(serialize) });
	const start = pyInt(offset ?? '0') ?? 0;
	const size = pyInt(limit) ?? 100;
	const results = matching.slice(start, start + size).map(serialize);
	return json(200, { count: matching.length, results });
}

function getAction(ctx) {
	const id = pyInt(ctx.params.id);
	const action = ctx.state.actions.find((a) => a.project_id === ctx.project.id && a.id === id);
	if (!action) throw errors.notFound();
	return json(200, serialize(action));
}

const base = '/api/projects/:projectId/actions';

module.exports = {
	routes: [
		{ method: 'GET', path: `${base}/`, scope: 'action:read', handler: listActions },
		{ method: 'GET', path: `${base}/:id/`, scope: 'action:read', handler: getAction },
		// ForbidDestroyModel: 405 with an empty body
		{
			method: 'DELETE',
			path: `${base}/:id/`,
			scope: 'action:write',
			handler: () => {
				throw errors.forbidDestroy();
			},
		},
	],
};
