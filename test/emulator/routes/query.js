'use strict';
// POST query/ (HogQLQuery; ErrorTrackingQuery in errorTracking.js) and GET query/{id}/ for async runs. docs/posthog-api-part2.md §5.2–§5.4.
// `create` and `retrieve` are both read actions here (scope query:read).
const errors = require('../errors');
const { json } = require('../respond');
const { parseQueryRequest } = require('../models/querySchema');
const { executionMode, runHogQLQuery, pollQuery } = require('../models/queryRunner');
const { runErrorTrackingQuery } = require('./errorTracking');

function postQuery(ctx) {
	const request = parseQueryRequest(ctx.body());
	if (request.query.kind === 'ErrorTrackingQuery') return runErrorTrackingQuery(ctx, request.query);
	if (request.query.kind !== 'HogQLQuery')
		throw errors.emulatorUnsupported(`running ${request.query.kind} queries`);
	let mode = executionMode(request.refresh);
	if (request.isAsync) mode = 'async'; // legacy `async: true`
	if (mode === 'force_cache') mode = 'blocking'; // "in query endpoint we always want to calculate if the cache is stale"
	const { query, values } = request.query;
	const outcome = runHogQLQuery(
		ctx.state,
		ctx.project.id,
		{ query, values: values ?? null },
		mode,
		ctx.now(),
		request.clientQueryId,
	);
	return json(outcome.kind === 'queued' ? 202 : 200, outcome.body);
}

function getQueryStatus(ctx) {
	const answer = pollQuery(ctx.state, ctx.project.id, ctx.params.queryId);
	if (!answer) throw errors.notFound();
	return json(answer.status, answer.body);
}

module.exports = {
	routes: [
		{
			method: 'POST',
			path: '/api/projects/:projectId/query/',
			scope: 'query:read',
			handler: postQuery,
		},
		{
			method: 'GET',
			path: '/api/projects/:projectId/query/:queryId/',
			scope: 'query:read',
			handler: getQueryStatus,
		},
	],
};
