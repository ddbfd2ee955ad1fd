'use strict';
// Feature flags: lookup, status (ACTIVE/STALE/…), the serializer, and body validation in
// FeatureFlagSerializer's field order. docs/posthog-api-part2.md §4;
// `products/feature_flags/backend/api/feature_flag.py`, `…/flag_status.py`.
const errors = require('../errors');
const { isPlainObject, serializerData, charField, integerField } = require('../validate');
const { parseIsoMicros, microsFromDate } = require('../time');
const { booleanField, choiceField, stringListField } = require('./drfFields');
const { userBasic } = require('./userBasic');

const STALE_AFTER_MICROS = 30 * 24 * 3600 * 1e6;
const KEY_RE = /^[a-zA-Z0-9_-]+$/;

const flagsOf = (state, projectId) => state.featureFlags.filter((f) => f.project_id === projectId);

/** `get_object()` over `objects_including_soft_deleted`: deleted flags are found too; a non-numeric id is 404. */
function getFlag(ctx) {
	const id = /^\d+$/.test(ctx.params.id) ? Number(ctx.params.id) : null;
	const flag = flagsOf(ctx.state, ctx.project.id).find((f) => f.id === id);
	if (!flag) throw errors.notFound();
	return flag;
}

const isGroupFullyRolledOut = (g) =>
	g.rollout_percentage === 100 && (g.properties ?? []).length === 0;

/** `FeatureFlagStatusChecker.is_flag_fully_rolled_out`. */
function isFullyRolledOut(flag) {
	const filters = flag.filters || {};
	const groups = filters.groups || [];
	const variants = (filters.multivariate && filters.multivariate.variants) || [];
	if (variants.length) {
		const fullVariant = variants.find((v) => v.rollout_percentage === 100);
		const fullGroups = groups.filter(isGroupFullyRolledOut);
		const override = fullGroups.map((g) => g.variant).find((v) => v !== null && v !== undefined);
		return fullGroups.length > 0 && (override !== undefined || fullVariant !== undefined);
	}
	return groups.length === 0 || groups.some(isGroupFullyRolledOut);
}

/** `get_status`: STALE = not called for 30 days, or (never called) 100% rolled out and 30+ days old. */
function flagStatus(flag, now) {
	if (flag.deleted) return 'DELETED';
	if (flag.archived) return 'ARCHIVED';
	if (!flag.active) return 'ACTIVE';
	const threshold = microsFromDate(now) - STALE_AFTER_MICROS;
	if (flag.last_called_at)
		return parseIsoMicros(flag.last_called_at) < threshold ? 'STALE' : 'ACTIVE';
	return parseIsoMicros(flag.created_at) < threshold && isFullyRolledOut(flag) ? 'STALE' : 'ACTIVE';
}

const variantsOf = (flag) =>
	(flag.filters && flag.filters.multivariate && flag.filters.multivariate.variants) || [];

/** FeatureFlagSerializer; relations the emulator does not model render empty. */
const serializeFlag = (ctx, f) => ({
	id: f.id,
	name: f.name,
	key: f.key,
	filters: f.filters,
	deleted: f.deleted,
	active: f.active,
	archived: f.archived,
	created_by: userBasic(ctx.state),
	created_at: f.created_at,
	updated_at: f.updated_at,
	version: f.version,
	last_modified_by: userBasic(ctx.state),
	ensure_experience_continuity: f.ensure_experience_continuity,
	experiment_set: [],
	experiment_set_metadata: [],
	surveys: [],
	features: [],
	can_edit: true,
	tags: f.tags,
	evaluation_contexts: [],
	usage_dashboard: null,
	analytics_dashboards: [],
	has_enriched_analytics: false,
	user_access_level: 'editor',
	is_remote_configuration: f.is_remote_configuration,
	has_encrypted_payloads: false,
	status: flagStatus(f, ctx.now()),
	evaluation_runtime: f.evaluation_runtime,
	bucketing_identifier: f.bucketing_identifier,
	last_called_at: f.last_called_at,
	is_used_in_replay_settings: false,
	is_eligible_for_experiment: variantsOf(f).length >= 2 && variantsOf(f).length <= 20,
});

/** `validate_key`: uniqueness (live flags of the project) is checked before the pattern. */
function validateKey(ctx, key, instance) {
	if (!instance || key !== instance.key) {
		const taken = flagsOf(ctx.state, ctx.project.id).some(
			(f) => !f.deleted && f.key === key && f !== instance,
		);
		if (taken)
			throw errors.validation('key', 'There is already a feature flag with this key.', 'unique');
	}
	if (!KEY_RE.test(key)) {
		throw errors.validation(
			'key',
			'Only letters, numbers, hyphens (-) & underscores (_) are allowed.',
			'invalid_key',
		);
	}
	return key;
}

/** `validate_filters`: an update merges top-level keys into the stored filters; `{}` is a no-op. */
function validateFilters(filters, instance) {
	if (!isPlainObject(filters)) {
		const type = Array.isArray(filters) ? 'list' : typeof filters === 'string' ? 'str' : 'int';
		throw errors.validation(
			'filters',
			`Expected a dictionary of items but got type "${type}".`,
			'not_a_dict',
		);
	}
	if ('version' in filters) {
		throw errors.validation(
			'filters',
			'filters.version is reserved. Remove it from the request.',
			'reserved_config_version',
		);
	}
	if (instance && Object.keys(filters).length === 0) return structuredClone(instance.filters);
	const merged = instance
		? { ...structuredClone(instance.filters), ...filters }
		: structuredClone(filters);
	const payloads = merged.payloads;
	if (payloads !== undefined && payloads !== null && !isPlainObject(payloads)) {
		throw errors.validation('filters', 'Payloads must be passed as a dictionary');
	}
	for (const [name, value] of Object.entries(payloads || {})) {
		if (typeof value !== 'string') continue;
		try {
			JSON.parse(value);
		} catch {
			throw errors.validation('filters', `Payload for key '${name}' is not valid JSON.`);
		}
	}
	return merged;
}

/**
 * Validates a create (`instance` null) or update body field by field, in the serializer's
 * declared order (only the first error is reported), then `validate()`. Returns the
 * validated fields.
 */
function validateFlagBody(ctx, body, { instance = null, partial = false } = {}) {
	const data = serializerData(body);
	const out = {};
	const set = (name, value) => {
		if (value !== undefined) out[name] = value;
	};
	set('name', charField(data, 'name', { required: false, allowBlank: true }));
	const key = charField(data, 'key', { required: !partial, maxLength: 400 });
	if (key !== undefined) out.key = validateKey(ctx, key, instance);
	if ('filters' in data) {
		if (data.filters === null)
			throw errors.validation('filters', 'This field may not be null.', 'null');
		out.filters = validateFilters(data.filters, instance);
	}
	set('deleted', booleanField(data, 'deleted'));
	set('active', booleanField(data, 'active'));
	set('archived', booleanField(data, 'archived'));
	set('version', integerField(data, 'version', { required: false }));
	set(
		'ensure_experience_continuity',
		booleanField(data, 'ensure_experience_continuity', { allowNull: true }),
	);
	set('tags', stringListField(data, 'tags'));
	set(
		'is_remote_configuration',
		booleanField(data, 'is_remote_configuration', { allowNull: true }),
	);
	set(
		'evaluation_runtime',
		choiceField(data, 'evaluation_runtime', ['server', 'client', 'all'], { allowNull: true }),
	);
	set(
		'bucketing_identifier',
		choiceField(data, 'bucketing_identifier', ['distinct_id', 'device_id'], { allowNull: true }),
	);

	// `_validate_archived_flags_are_disabled`; on create `active` falls back to the model default (true)
	const archived = out.archived ?? (instance ? instance.archived : false);
	const active = out.active ?? (instance ? instance.active : true);
	if (archived && active) {
		throw errors.validation(
			null,
			out.archived
				? 'Cannot archive an enabled feature flag. Disable it first, or send active: false in the same request.'
				: 'Cannot enable an archived feature flag. Unarchive it first.',
		);
	}
	return out;
}

/** Create and rename reuse keys of soft-deleted flags: the tombstone is hard-deleted (part2 §4). */
function freeKeyHeldByDeletedFlags(ctx, key, except = null) {
	const flags = ctx.state.featureFlags;
	for (let i = flags.length - 1; i >= 0; i--) {
		const f = flags[i];
		if (f.project_id === ctx.project.id && f.deleted && f.key === key && f !== except)
			flags.splice(i, 1);
	}
}

module.exports = {
	flagsOf,
	getFlag,
	flagStatus,
	isFullyRolledOut,
	variantsOf,
	serializeFlag,
	validateFlagBody,
	freeKeyHeldByDeletedFlags,
};
