'use strict';
// Running a HogQLQuery the way PostHog's QueryRunner.run does (docs/posthog-api-part2.md §5.2–§5.4):
// the execution mode from `refresh`, a results cache whose entries go stale after HogQL's
// "day" threshold (6 h), the HasMore paginator (100 rows unless the SQL has a LIMIT), and
// async query statuses that a later GET query/{id}/ collects.
const crypto = require('crypto');
const errors = require('../errors');
const { uuid7 } = require('../ids');
const { isoFromDate } = require('../time');
const {
	prepareHogQL,
	printedHogQL,
	MAX_SELECT_RETURNED_ROWS,
	DEFAULT_RETURNED_ROWS,
} = require('./hogqlText');
const { runQuery } = require('./hogqlQueries');

const REFRESH_MODES = [
	'async',
	'async_except_on_cache_miss',
	'blocking',
	'force_async',
	'force_blocking',
	'force_cache',
	'lazy_async',
];
const STALE_AFTER_MS = 6 * 3600e3; // caching/utils.py staleness_threshold_map DEFAULT "day"
const LAZY_STALE_AFTER_MS = 12 * 3600e3; // LAZY "day"
const CLIENT_REFRESH_AFTER_MS = 60e3; // next_allowed_client_refresh: guessed

/** `execution_mode_from_refresh`: `true` is force_blocking, anything unknown force_cache. */
function executionMode(refresh) {
	if (refresh === true) return 'force_blocking';
	return REFRESH_MODES.includes(refresh) ? refresh : 'force_cache';
}

/** HogQLQueryRunner.calculate: HogQLQueryResponse's data fields. Throws PostHog's 400s. */
function calculate(state, projectId, { query, values }, now) {
	const prepared = prepareHogQL(query, values, {
		offsetBlocked: Boolean(state.personalKeyOffsetBlocked),
	});
	const { columns, types, rows } = runQuery(prepared, { state, projectId, now });
	if (prepared.explicitLimit) {
		// the query's own LIMIT: no paginator, so hasMore/limit/offset stay null (hogql_query_runner.py)
		const limit = Math.min(prepared.limit, MAX_SELECT_RETURNED_ROWS);
		const results = rows.slice(prepared.offset, prepared.offset + limit);
		return {
			columns,
			types,
			results,
			hasMore: null,
			limit: null,
			offset: null,
			hogql: printedHogQL(prepared, limit, prepared.offset),
		};
	}
	// HogQLHasMorePaginator: asks for 101 rows, returns 100 and whether there were more
	const page = rows.slice(0, DEFAULT_RETURNED_ROWS + 1);
	return {
		columns,
		types,
		results: page.slice(0, DEFAULT_RETURNED_ROWS),
		hasMore: page.length > DEFAULT_RETURNED_ROWS,
		limit: DEFAULT_RETURNED_ROWS,
		offset: 0,
		hogql: printedHogQL(prepared, DEFAULT_RETURNED_ROWS + 1, 0),
	};
}

const cacheKeyFor = (projectId, hogql) =>
	`cache_${crypto
		.createHash('md5')
		.update(JSON.stringify([projectId, hogql.query, hogql.values ?? null]))
		.digest('hex')}`;

/** CachedHogQLQueryResponse, every field present as `model_dump()` leaves them. */
function responseBody(hogql, cacheKey, entry, isCached) {
	const lastRefresh = new Date(entry.lastRefreshMs);
	const { columns, types, results, hasMore, limit, offset, hogql: printed } = entry.calc;
	return {
		cache_key: cacheKey,
		clickhouse: null, // the emulator writes no ClickHouse SQL
		columns,
		error: null,
		explain: null,
		hasMore,
		hogql: printed,
		is_cached: isCached,
		last_refresh: isoFromDate(lastRefresh),
		limit,
		metadata: null,
		modifiers: {},
		next_allowed_client_refresh: isoFromDate(
			new Date(entry.lastRefreshMs + CLIENT_REFRESH_AFTER_MS),
		),
		offset,
		query: hogql.query,
		query_status: null,
		results,
		timezone: 'UTC',
		timings: [],
		types,
	};
}

function queryStatus(id, projectId, record, complete) {
	const failed = complete && Boolean(record.error);
	return {
		id,
		team_id: projectId,
		query_async: true,
		complete,
		error: failed,
		error_message: failed ? record.error : null,
		results: complete && !failed ? record.body : null,
		start_time: isoFromDate(record.startTime),
		end_time: complete ? isoFromDate(record.startTime) : null,
		expiration_time: isoFromDate(new Date(record.startTime.getTime() + 20 * 60e3)),
		pickup_time: complete ? isoFromDate(record.startTime) : null,
		task_id: null,
		dashboard_id: null,
		insight_id: null,
		query_progress: null,
		labels: null,
	};
}

/**
 * Runs `hogql` ({query, values}) in `mode`. Returns `{ kind: 'result', body }`, `{ kind: 'miss' }`
 * (force_cache without a cached answer) or `{ kind: 'queued', body }` (async: 202). An async
 * query is computed at once and completes on the first poll.
 */
function runHogQLQuery(state, projectId, hogql, mode, now, clientQueryId) {
	const cacheKey = cacheKeyFor(projectId, hogql);
	const cached = state.queryCache[cacheKey];
	const age = cached ? now.getTime() - cached.lastRefreshMs : Infinity;
	const answer = (entry, isCached) => ({
		kind: 'result',
		body: responseBody(hogql, cacheKey, entry, isCached),
	});
	const compute = () => {
		const entry = { calc: calculate(state, projectId, hogql, now), lastRefreshMs: now.getTime() };
		state.queryCache[cacheKey] = entry;
		return entry;
	};
	const enqueue = () => {
		const id = clientQueryId || uuid7(now).replace(/-/g, '');
		const record = { projectId, startTime: now };
		try {
			record.body = responseBody(hogql, cacheKey, compute(), false);
		} catch (err) {
			if (!(err instanceof errors.ApiError) || err.status !== 400) throw err;
			record.error = err.body.detail;
		}
		state.queryStatuses[id] = record;
		return {
			kind: 'queued',
			body: { cache_key: cacheKey, query_status: queryStatus(id, projectId, record, false) },
		};
	};
	switch (mode) {
		case 'force_cache':
			return cached ? answer(cached, true) : { kind: 'miss' };
		case 'blocking':
			return age < STALE_AFTER_MS ? answer(cached, true) : answer(compute(), false);
		case 'force_blocking':
			return answer(compute(), false);
		case 'async_except_on_cache_miss':
			return cached ? answer(cached, true) : answer(compute(), false);
		case 'async':
			return age < STALE_AFTER_MS ? answer(cached, true) : enqueue();
		case 'lazy_async':
			return age < LAZY_STALE_AFTER_MS ? answer(cached, true) : enqueue();
		case 'force_async':
			return enqueue();
		default:
			throw new Error(`unknown execution mode ${mode}`);
	}
}

/** GET query/{id}/: 200 when complete, 400 when it failed with a message (query.py retrieve). */
function pollQuery(state, projectId, id) {
	const record = state.queryStatuses[id];
	if (!record || record.projectId !== projectId) return null;
	const status = queryStatus(id, projectId, record, true);
	return { status: status.error ? 400 : 200, body: { query_status: status } };
}

module.exports = { REFRESH_MODES, STALE_AFTER_MS, executionMode, runHogQLQuery, pollQuery };
