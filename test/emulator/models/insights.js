'use strict';
// Insights: the two serializers, look-ups by pk or short_id, the writable fields, and the
// results part of the full serializer (read from the query cache unless a refresh asks to
// calculate). docs/posthog-api.md §4; docs/posthog-api-part2.md §5.1.
const errors = require('../errors');
const { pyInt, isPlainObject, charField } = require('../validate');
const { booleanField } = require('./drfFields');
const { userBasic } = require('./userBasic');
const { isoFromDate } = require('../time');
const { checkInsightQuery, hogqlSource } = require('./querySchema');
const { runHogQLQuery, STALE_AFTER_MS } = require('./queryRunner');

/** InsightBasicSerializer (`?basic=true`): light objects for dropdowns (§4). */
const serializeInsightBasic = (state, i) => ({
	id: i.id,
	short_id: i.short_id,
	name: i.name,
	derived_name: i.derived_name,
	favorited: i.favorited,
	query: i.query,
	dashboards: i.dashboards,
	description: i.description,
	last_refresh: null,
	refreshing: false,
	saved: i.saved,
	tags: i.tags,
	updated_at: i.last_modified_at,
	created_by: userBasic(state),
	created_at: i.created_at,
	last_modified_at: i.last_modified_at,
	user_access_level: i.user_access_level,
});

const NO_RESULT = {
	result: null,
	hasMore: null,
	columns: null,
	types: null,
	hogql: null,
	is_cached: false,
	last_refresh: null,
	cache_target_age: null,
	next_allowed_client_refresh: null,
	query_status: null,
};

/**
 * The results fields for `mode` (force_cache when nothing asked): only HogQL insights
 * (HogQLQuery or a DataVisualizationNode over one) can be calculated here.
 */
function insightResult(state, insight, mode, now) {
	const source = hogqlSource(insight.query);
	if (!source) {
		if (mode === 'force_cache') return NO_RESULT;
		throw errors.emulatorUnsupported(
			`calculating ${insight.query?.source?.kind || insight.query?.kind || 'legacy'} insights`,
		);
	}
	const outcome = runHogQLQuery(
		state,
		insight.project_id,
		{ query: source.query, values: source.values ?? null },
		mode,
		now,
	);
	if (outcome.kind === 'miss') return NO_RESULT; // a cache miss: result null (§5.1)
	if (outcome.kind === 'queued') return { ...NO_RESULT, query_status: outcome.body.query_status };
	const body = outcome.body;
	return {
		result: body.results,
		hasMore: body.hasMore,
		columns: body.columns,
		types: body.types,
		hogql: body.hogql,
		is_cached: body.is_cached,
		last_refresh: body.last_refresh,
		cache_target_age: isoFromDate(new Date(Date.parse(body.last_refresh) + STALE_AFTER_MS)),
		next_allowed_client_refresh: body.next_allowed_client_refresh,
		query_status: null,
	};
}

/** InsightSerializer (a subset); `result` etc. come from insightResult, cache-only by default. */
const serializeInsight = (
	state,
	i,
	results = insightResult(state, i, 'force_cache', new Date()),
) => ({
	...serializeInsightBasic(state, i),
	order: i.order,
	deleted: i.deleted,
	...results,
	filters: {},
	last_modified_by: userBasic(state),
	is_sample: false,
	effective_restriction_level: 21,
	effective_privilege_level: 37,
	timezone: 'UTC',
	alerts: [],
});

/**
 * `Insight.objects.get(id=insight_id)` as the sharing viewset does it (§3): a
 * non-numeric id is an unhandled ValueError (500), an unknown or soft-deleted one
 * is 404 "Insight not found.".
 */
function getInsightForSharing(ctx) {
	const id = pyInt(ctx.params.insightId);
	if (id === null) throw errors.serverError();
	const insight = ctx.state.insights.find(
		(i) => i.project_id === ctx.project.id && i.id === id && !i.deleted,
	);
	if (!insight) throw errors.notFound('Insight not found.');
	return insight;
}

/** The viewset's object: numeric pk or short_id; soft-deleted ones only when asked (restore). */
function getInsight(ctx, { includeDeleted = false } = {}) {
	const ref = ctx.params.insightId;
	const id = /^\d+$/.test(ref) ? Number(ref) : null;
	const insight = ctx.state.insights.find(
		(i) =>
			i.project_id === ctx.project.id &&
			(id !== null ? i.id === id : i.short_id === ref) &&
			(includeDeleted || !i.deleted),
	);
	if (!insight) throw errors.notFound();
	return insight;
}

/** QuerySchemaParser runs `data.get("query")` inside a try: a non-dict body is a parse_error 400. */
function insightBody(body) {
	if (!isPlainObject(body)) {
		const type = Array.isArray(body)
			? 'list'
			: typeof body === 'string'
				? 'str'
				: body === null
					? 'NoneType'
					: typeof body === 'boolean'
						? 'bool'
						: 'int';
		throw errors.standard(
			400,
			'invalid_request',
			'parse_error',
			`'${type}' object has no attribute 'get'`,
		);
	}
	checkInsightQuery(body.query);
	return body;
}

function dashboardsField(ctx, data) {
	if (!('dashboards' in data)) return undefined;
	if (!Array.isArray(data.dashboards)) {
		throw errors.validation(
			'dashboards',
			`Expected a list of items but got type "${typeof data.dashboards === 'string' ? 'str' : 'dict'}".`,
			'not_a_list',
		);
	}
	return data.dashboards.map((ref) => {
		const exists = ctx.state.objects.some(
			(o) => o.project_id === ctx.project.id && o.type === 'dashboard' && o.ref === String(ref),
		);
		if (!exists)
			throw errors.validation(
				'dashboards',
				`Invalid pk "${ref}" - object does not exist.`,
				'does_not_exist',
			);
		return Number(ref);
	});
}

function tagsField(data) {
	if (!('tags' in data)) return undefined;
	if (!Array.isArray(data.tags) || data.tags.some((t) => typeof t !== 'string')) {
		throw errors.validation('tags', 'Expected a list of items but got type "str".', 'not_a_list');
	}
	return data.tags.map((t) => t.trim()).filter(Boolean);
}

/** The writable fields present in `data`, in the serializer's order, validated. */
function writableFields(ctx, data) {
	const text = (name) => {
		if (!(name in data)) return undefined;
		if (data[name] === null) return null;
		return charField(data, name, { required: false, allowBlank: true, maxLength: 400 });
	};
	const fields = {
		name: text('name'),
		derived_name: text('derived_name'),
		description: text('description'),
		tags: tagsField(data),
		favorited: booleanField(data, 'favorited'),
		saved: booleanField(data, 'saved'),
		deleted: booleanField(data, 'deleted'),
		dashboards: dashboardsField(ctx, data),
		query: 'query' in data ? data.query : undefined,
		filters: 'filters' in data ? data.filters : undefined,
	};
	return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

// Changing one of these moves last_modified_at (Insight.MATERIAL_INSIGHT_FIELDS; the set is guessed).
const MATERIAL_FIELDS = ['name', 'description', 'query', 'filters'];

module.exports = {
	serializeInsightBasic,
	serializeInsight,
	insightResult,
	getInsightForSharing,
	getInsight,
	insightBody,
	writableFields,
	MATERIAL_FIELDS,
};
