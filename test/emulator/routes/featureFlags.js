'use strict';
// feature_flags/: list, get, create, update (soft delete is PATCH {deleted:true}), and
// DELETE → 405 with no body. docs/posthog-api-part2.md §4.
const { isDeepStrictEqual } = require('util');
const errors = require('../errors');
const { json } = require('../respond');
const { isPlainObject } = require('../validate');
const { limitOffsetPage } = require('../pagination');
const { isoFromDate, parseIsoMicros } = require('../time');
const ff = require('../models/featureFlags');

const FLAG_TYPES = {
	boolean: (f) => !ff.variantsOf(f).length && !f.is_remote_configuration,
	multivariant: (f) => ff.variantsOf(f).length > 0,
	experiment: () => false, // no experiments are modelled
	remote_config: (f) => f.is_remote_configuration,
};
const ORDER_FIELDS = [
	'id',
	'key',
	'name',
	'active',
	'archived',
	'version',
	'created_at',
	'updated_at',
	'last_called_at',
];
const DATE_FIELDS = new Set(['created_at', 'updated_at', 'last_called_at']);

/** `queryset.order_by(order)`; an unknown field is Django's FieldError, a 500. Nulls sort as Postgres does. */
function orderBy(order) {
	const desc = order.startsWith('-');
	const field = desc ? order.slice(1) : order;
	if (!ORDER_FIELDS.includes(field)) throw errors.serverError();
	const value = (f) => (DATE_FIELDS.has(field) && f[field] ? parseIsoMicros(f[field]) : f[field]);
	return (a, b) => {
		const [x, y] = [value(a), value(b)];
		if (x === y) return 0;
		if (x === null || x === undefined) return desc ? -1 : 1;
		if (y === null || y === undefined) return desc ? 1 : -1;
		return (x < y ? -1 : 1) * (desc ? -1 : 1);
	};
}

function listFlags(ctx) {
	ctx.state.featureFlagListRequests += 1; // counted as a local-evaluation request (part2 §4)
	const q = ctx.query;
	const has = (name) => Object.prototype.hasOwnProperty.call(q, name);
	const now = ctx.now();
	// deleted and internal (survey/product-tour) flags never show; archived ones only when `archived` is sent
	let flags = ff.flagsOf(ctx.state, ctx.project.id).filter((f) => !f.deleted && !f.internal);
	if (!has('archived')) flags = flags.filter((f) => !f.archived);
	else if (q.archived === 'true' || q.archived === 'false')
		flags = flags.filter((f) => f.archived === (q.archived === 'true'));
	if (has('active')) {
		// `filter_flags_by_active_param`: anything but "true"/"STALE" means inactive
		flags = flags.filter(
			q.active === 'STALE'
				? (f) => ff.flagStatus(f, now) === 'STALE'
				: (f) => f.active === (q.active === 'true'),
		);
	}
	if (q.search) {
		const needle = q.search.toLowerCase();
		flags = flags.filter(
			(f) => f.key.toLowerCase().includes(needle) || (f.name || '').toLowerCase().includes(needle),
		);
	}
	if (q.key) flags = flags.filter((f) => f.key.toLowerCase() === q.key.toLowerCase());
	if (FLAG_TYPES[q.type]) flags = flags.filter(FLAG_TYPES[q.type]);
	flags.sort(orderBy(q.order || '-created_at'));
	return json(
		200,
		limitOffsetPage(
			ctx,
			flags.map((f) => ff.serializeFlag(ctx, f)),
		),
	);
}

const retrieveFlag = (ctx) => json(200, ff.serializeFlag(ctx, ff.getFlag(ctx)));

/** `_apply_remote_config_default_filters`: remote-config flags always roll out to 100%. */
function remoteConfigDefaults(filters) {
	if (!filters.groups || !filters.groups.length)
		filters.groups = [{ properties: [], rollout_percentage: 100, variant: null }];
	for (const group of filters.groups)
		if ([0, null, undefined].includes(group.rollout_percentage)) group.rollout_percentage = 100;
}

function createFlag(ctx) {
	const fields = ff.validateFlagBody(ctx, ctx.body());
	const now = isoFromDate(ctx.now());
	// without `filters`, FeatureFlag.get_filters() falls back to one group with a null rollout (guess)
	const filters = fields.filters ?? { groups: [{ properties: [], rollout_percentage: null }] };
	if (fields.is_remote_configuration) remoteConfigDefaults(filters);
	ff.freeKeyHeldByDeletedFlags(ctx, fields.key);
	const flag = {
		project_id: ctx.project.id,
		id: ctx.state.nextIds.featureFlag++,
		key: fields.key,
		name: fields.name ?? '',
		filters,
		deleted: fields.deleted ?? false,
		active: fields.active ?? true,
		archived: fields.archived ?? false,
		created_at: now,
		updated_at: now,
		version: 1,
		ensure_experience_continuity: fields.ensure_experience_continuity ?? false,
		tags: fields.tags ?? [],
		is_remote_configuration: fields.is_remote_configuration ?? false,
		evaluation_runtime: fields.evaluation_runtime ?? 'all',
		bucketing_identifier: fields.bucketing_identifier ?? null,
		last_called_at: null,
		internal: null,
	};
	ctx.state.featureFlags.push(flag);
	return json(201, ff.serializeFlag(ctx, flag));
}

/** `_get_conflicting_changes`: fields this request changes that someone else changed too. */
function conflictingChanges(flag, fields, original) {
	const same = (a, b) => isDeepStrictEqual(a, b);
	return Object.keys(fields).filter(
		(name) =>
			name in original &&
			!same(fields[name], original[name]) &&
			!same(original[name], flag[name]) &&
			!same(fields[name], flag[name]),
	);
}

// Optimistic locking (part2 §4): a `version` that differs from the stored one, together with an
// `original_flag` showing the same fields changed meanwhile, is a 409. Omit `version` to skip it.
function updateFlag(ctx, partial) {
	const flag = ff.getFlag(ctx);
	const body = ctx.body();
	let fields = ff.validateFlagBody(ctx, body, { instance: flag, partial });
	const requestVersion = 'version' in body ? body.version : -1;
	if (requestVersion !== -1 && requestVersion !== flag.version) {
		const original = isPlainObject(body.original_flag) ? body.original_flag : {};
		if (conflictingChanges(flag, fields, original).length) {
			throw errors.conflict(
				`The feature flag was updated by ${ctx.state.user.email} since you started editing it. Please refresh and try again.`,
			);
		}
		fields = Object.fromEntries(
			Object.entries(fields).filter(
				([name, value]) => !(name in original) || !isDeepStrictEqual(value, original[name]),
			),
		);
	}
	delete fields.version;
	if (
		fields.key !== undefined &&
		fields.key !== flag.key &&
		(fields.deleted ?? flag.deleted) === false
	) {
		ff.freeKeyHeldByDeletedFlags(ctx, fields.key, flag);
	}
	Object.assign(flag, fields);
	flag.version += 1;
	flag.updated_at = isoFromDate(ctx.now());
	return json(200, ff.serializeFlag(ctx, flag));
}

const base = '/api/projects/:projectId/feature_flags';

module.exports = {
	routes: [
		{ method: 'GET', path: `${base}/`, scope: 'feature_flag:read', handler: listFlags },
		{ method: 'POST', path: `${base}/`, scope: 'feature_flag:write', handler: createFlag },
		{ method: 'GET', path: `${base}/:id/`, scope: 'feature_flag:read', handler: retrieveFlag },
		{
			method: 'PATCH',
			path: `${base}/:id/`,
			scope: 'feature_flag:write',
			handler: (ctx) => updateFlag(ctx, true),
		},
		{
			method: 'PUT',
			path: `${base}/:id/`,
			scope: 'feature_flag:write',
			handler: (ctx) => updateFlag(ctx, false),
		},
		// ForbidDestroyModel: 405 with an empty body, for any id (the object is never looked up)
		{
			method: 'DELETE',
			path: `${base}/:id/`,
			scope: 'feature_flag:write',
			handler: () => {
				throw errors.forbidDestroy();
			},
		},
	],
};
