'use strict';
// hog_functions/: list, create, get, update (soft delete and restore), DELETE refused.
// docs/posthog-api-part2.md §10.1, §10.3, §10.4, §11. Switches: state.hogFunctionAccess
// ('open' newest, 'addon' [HF-ADDON] with state.dataPipelinesAddon, 'internal' [HF-24]).
const errors = require('../errors');
const { json } = require('../respond');
const { strToBool } = require('../validate');
const { limitOffsetPage } = require('../pagination');
const { uuid7, normalizeUuid } = require('../ids');
const { isoFromDate } = require('../time');
const m = require('../models/hogFunctions');

/** [HF-24]: `scope_object = "INTERNAL"` refuses every personal key, whatever its scopes. */
function checkAccess(ctx) {
	if (ctx.state.hogFunctionAccess === 'internal')
		throw errors.permissionDenied('This action does not support Personal API Key access');
}

/** The viewset object: deleted rows only for a PATCH that sends `deleted: false` (§10.4). */
function getFunction(ctx, { includeDeleted = false } = {}) {
	const id = normalizeUuid(ctx.params.hogFunctionId);
	const fn = ctx.state.hogFunctions.find(
		(f) =>
			f.project_id === ctx.project.id &&
			normalizeUuid(f.id) === id &&
			(includeDeleted || !f.deleted),
	);
	if (!id || !fn) throw errors.notFound();
	return fn;
}

const byListOrder = (a, b) => {
	// order_by("execution_order", "-updated_at"); Postgres puts NULLs last
	const [x, y] = [a.execution_order ?? Infinity, b.execution_order ?? Infinity];
	if (x !== y) return x - y;
	return a.updated_at < b.updated_at ? 1 : a.updated_at > b.updated_at ? -1 : 0;
};

function listFunctions(ctx) {
	checkAccess(ctx);
	const { type, enabled, search, id } = ctx.query;
	const types = type ? type.split(',') : null;
	const enabledValues = enabled ? enabled.split(',').map((v) => strToBool(v)) : null;
	const needle = (search || '').toLowerCase();
	const serialize = strToBool(ctx.query.full) ? m.serializeHogFunction : m.serializeMinimal;
	const rows = ctx.state.hogFunctions
		.filter((f) => f.project_id === ctx.project.id && !f.deleted)
		.filter((f) => (types ? types.includes(f.type) : f.type !== 'warehouse_source_webhook'))
		.filter((f) => !enabledValues || enabledValues.includes(f.enabled))
		.filter(
			(f) =>
				!needle || [f.name, f.description].some((t) => (t || '').toLowerCase().includes(needle)),
		)
		.filter((f) => !id || normalizeUuid(f.id) === normalizeUuid(id))
		.sort(byListOrder)
		.map((f) => serialize(ctx.state, f));
	return json(200, limitOffsetPage(ctx, rows));
}

// §10.3: created disabled unless `enabled: true`; no schema defaults are filled in.
function createFunction(ctx) {
	checkAccess(ctx);
	const body = ctx.body();
	const fields = m.validateHogFunction(ctx.state, body, undefined, ctx.project.id);
	const now = isoFromDate(ctx.now());
	const fn = {
		project_id: ctx.project.id,
		id: uuid7(ctx.now()),
		name: null,
		description: '',
		icon_url: null,
		enabled: false,
		deleted: false,
		masking: null,
		mappings: null,
		execution_order: null,
		template_id: body.template_id ?? null,
		created_at: now,
		updated_at: now,
		watcher: { state: 1, tokens: 10000 },
		...fields,
	};
	ctx.state.hogFunctions.push(fn);
	return json(201, m.serializeHogFunction(ctx.state, fn));
}

function retrieveFunction(ctx) {
	checkAccess(ctx);
	return json(200, m.serializeHogFunction(ctx.state, getFunction(ctx)));
}

// §10.4: partial; `{deleted:true}` soft-deletes (a second one is 404), `{deleted:false}` restores.
function updateFunction(ctx) {
	checkAccess(ctx);
	const body = ctx.body();
	const fn = getFunction(ctx, { includeDeleted: body && body.deleted === false });
	const fields = m.validateHogFunction(ctx.state, body, fn);
	Object.assign(fn, fields, { updated_at: isoFromDate(ctx.now()) });
	// `PATCH {"enabled":true}` on a function HogWatcher disabled resets it to degraded (§10.6)
	if (fn.enabled && fn.watcher.state === 3) fn.watcher = { ...fn.watcher, state: 2 };
	return json(200, m.serializeHogFunction(ctx.state, fn));
}

// ForbidDestroyModel: 405 with no body (§10.4, §11).
function destroyFunction(ctx) {
	checkAccess(ctx);
	throw errors.forbidDestroy();
}

const base = '/api/projects/:projectId/hog_functions';

module.exports = {
	routes: [
		{ method: 'GET', path: `${base}/`, scope: 'hog_function:read', handler: listFunctions },
		{ method: 'POST', path: `${base}/`, scope: 'hog_function:write', handler: createFunction },
		{
			method: 'GET',
			path: `${base}/:hogFunctionId/`,
			scope: 'hog_function:read',
			handler: retrieveFunction,
		},
		{
			method: 'PATCH',
			path: `${base}/:hogFunctionId/`,
			scope: 'hog_function:write',
			handler: updateFunction,
		},
		{
			method: 'DELETE',
			path: `${base}/:hogFunctionId/`,
			scope: 'hog_function:write',
			handler: destroyFunction,
		},
	],
};
