'use strict';
// The pydantic checks PostHog runs on query bodies, and their error text. `POST query/`
// validates `QueryRequest` and answers 400 parse_error "JSON parse error - <pydantic text>"
// (PydanticModelMixin.get_model); insight writes validate `query` against QuerySchemaRoot
// and answer 400 parse_error with the bare pydantic text (QuerySchemaParser). Only the
// checks the emulator needs; the wording follows pydantic 2 (the `input_value` repr is
// shortened). docs/posthog-api-part2.md §5.1, §5.2.
const errors = require('../errors');
const { isPlainObject, viewData } = require('../validate');
const { REFRESH_MODES } = require('./queryRunner');

/** Query kinds PostHog knows (a subset of posthog/schema.py); only HogQLQuery is run here. */
const QUERY_KINDS = [
	'ActorsQuery',
	'DataTableNode',
	'DataVisualizationNode',
	'ErrorTrackingQuery',
	'EventsNode',
	'EventsQuery',
	'FunnelsQuery',
	'GroupsQuery',
	'HogQLAutocomplete',
	'HogQLMetadata',
	'HogQLQuery',
	'HogQuery',
	'InsightActorsQuery',
	'InsightVizNode',
	'LifecycleQuery',
	'PathsQuery',
	'RetentionQuery',
	'SavedInsightNode',
	'SessionsTimelineQuery',
	'StickinessQuery',
	'TrendsQuery',
	'WebOverviewQuery',
	'WebStatsTableQuery',
];

function pyRepr(value) {
	let text;
	if (value === null || value === undefined) text = 'None';
	else if (value === true || value === false) text = value ? 'True' : 'False';
	else if (typeof value === 'string')
		text = `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
	else if (Array.isArray(value)) text = `[${value.map(pyRepr).join(', ')}]`;
	else if (typeof value === 'object')
		text = `{${Object.entries(value)
			.map(([k, v]) => `${pyRepr(k)}: ${pyRepr(v)}`)
			.join(', ')}}`;
	else text = String(value);
	return text.length > 50 ? `${text.slice(0, 24)}...${text.slice(-24)}` : text;
}

const pyType = (v) =>
	v === null || v === undefined
		? 'NoneType'
		: Array.isArray(v)
			? 'list'
			: typeof v === 'string'
				? 'str'
				: typeof v === 'boolean'
					? 'bool'
					: typeof v === 'number'
						? Number.isInteger(v)
							? 'int'
							: 'float'
						: 'dict';

/** pydantic's `str(ValidationError)`: `1 validation error for Model\nloc\n  msg [type=…, input_value=…, input_type=…]`. */
function pydanticText(model, problems) {
	const n = problems.length;
	const lines = problems.map(
		(p) =>
			`${p.loc}\n  ${p.msg} [type=${p.type}, input_value=${pyRepr(p.input)}, input_type=${pyType(p.input)}]`,
	);
	return `${n} validation error${n === 1 ? '' : 's'} for ${model}\n${lines.join('\n')}`;
}

const missing = (loc, input) => ({ loc, msg: 'Field required', type: 'missing', input });

/** Problems with a query node (`kind` discriminator, HogQLQuery fields), `prefix` = its location. */
function queryProblems(query, prefix) {
	if (!isPlainObject(query) || typeof query.kind !== 'string') {
		return [
			{
				loc: prefix,
				msg: "Unable to extract tag using discriminator 'kind'",
				type: 'union_tag_not_found',
				input: query,
			},
		];
	}
	if (!QUERY_KINDS.includes(query.kind)) {
		const tags = QUERY_KINDS.map((k) => `'${k}'`).join(', ');
		return [
			{
				loc: prefix,
				msg: `Input tag '${query.kind}' found using 'kind' does not match any of the expected tags: ${tags}`,
				type: 'union_tag_invalid',
				input: query,
			},
		];
	}
	const at = `${prefix}.${query.kind}`;
	if (query.kind === 'HogQLQuery') {
		if (query.query === undefined) return [missing(`${at}.query`, query)];
		if (typeof query.query !== 'string')
			return [
				{
					loc: `${at}.query`,
					msg: 'Input should be a valid string',
					type: 'string_type',
					input: query.query,
				},
			];
		if (query.values !== undefined && query.values !== null && !isPlainObject(query.values)) {
			return [
				{
					loc: `${at}.values`,
					msg: 'Input should be a valid dictionary',
					type: 'dict_type',
					input: query.values,
				},
			];
		}
	}
	if (query.kind === 'DataVisualizationNode') {
		if (query.source === undefined) return [missing(`${at}.source`, query)];
		return queryProblems(query.source, `${at}.source`);
	}
	return [];
}

/** Lax pydantic bool: true/false and their usual spellings. */
function laxBool(value) {
	if (typeof value === 'boolean') return value;
	if (value === 0 || value === 1) return Boolean(value);
	const text = typeof value === 'string' ? value.toLowerCase() : null;
	if (['true', 't', 'yes', 'y', 'on', '1'].includes(text)) return true;
	if (['false', 'f', 'no', 'n', 'off', '0'].includes(text)) return false;
	return undefined;
}

/** Parses a `POST query/` body into `{ query, refresh, async, clientQueryId }` or throws the 400. */
function parseQueryRequest(body) {
	const fail = (problems) => {
		throw errors.parseError(pydanticText('QueryRequest', problems));
	};
	viewData(body); // get_throttles reads request.data.get("query") first: a non-dict body is a 500
	if (body.query === undefined) fail([missing('query', body)]);
	const problems = queryProblems(body.query, 'query');
	if (problems.length) fail(problems);
	let refresh = body.refresh ?? null;
	if (refresh !== null && !REFRESH_MODES.includes(refresh)) {
		const asBool = laxBool(refresh);
		if (asBool === undefined) {
			const modes = REFRESH_MODES.map((m) => `'${m}'`);
			fail([
				{
					loc: 'refresh.bool',
					msg: 'Input should be a valid boolean, unable to interpret input',
					type: 'bool_parsing',
					input: refresh,
				},
				{
					loc: 'refresh.RefreshType',
					msg: `Input should be ${modes.slice(0, -1).join(', ')} or ${modes[modes.length - 1]}`,
					type: 'enum',
					input: refresh,
				},
			]);
		}
		refresh = asBool;
	}
	let isAsync = null;
	if (body.async !== undefined && body.async !== null) {
		isAsync = laxBool(body.async);
		if (isAsync === undefined)
			fail([
				{
					loc: 'async',
					msg: 'Input should be a valid boolean, unable to interpret input',
					type: 'bool_parsing',
					input: body.async,
				},
			]);
	}
	const clientQueryId =
		typeof body.client_query_id === 'string' && body.client_query_id ? body.client_query_id : null;
	return { query: body.query, refresh, isAsync, clientQueryId };
}

/** QuerySchemaParser on insight writes: a truthy `query` must validate, else 400 parse_error. */
function checkInsightQuery(query) {
	if (!query || (isPlainObject(query) && !Object.keys(query).length)) return;
	const problems = queryProblems(query, 'QuerySchemaRoot').map((p) => ({
		...p,
		loc: p.loc.replace(/^QuerySchemaRoot\.?/, '') || 'QuerySchemaRoot',
	}));
	if (problems.length)
		throw errors.standard(
			400,
			'invalid_request',
			'parse_error',
			pydanticText('QuerySchemaRoot', problems),
		);
}

/** The HogQL an insight's query runs: a HogQLQuery, or the source of a DataVisualizationNode. */
function hogqlSource(query) {
	if (!isPlainObject(query)) return null;
	if (query.kind === 'HogQLQuery') return query;
	if (
		query.kind === 'DataVisualizationNode' &&
		isPlainObject(query.source) &&
		query.source.kind === 'HogQLQuery'
	)
		return query.source;
	return null;
}

module.exports = { parseQueryRequest, checkInsightQuery, hogqlSource, pydanticText };
