'use strict';
// surveys/: list (limit/offset, `search` on name and description, `archived`), get by UUID,
// PATCH (start_date launches, end_date stops, archived archives; ISO dates), DELETE (a hard
// delete: 204, the survey gone), and stats/ (shown, dismissed and sent counts over a window
// with a time zone, sent counted once per submission), archived-response-uuids/ (a bare array;
// `state.surveyArchivedResponses = null` plays a server without it). docs/posthog-api-part3.md §3.
const errors = require('../errors');
const { json, noContent } = require('../respond');
const { limitOffsetPage } = require('../pagination');
const { strToBool, viewData } = require('../validate');
const { normalizeIso } = require('../time');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// a zone is required: "Z" or ±hh:mm at the end
const ZONED = /(Z|[+-]\d{2}:?\d{2})$/;

const surveysOf = (ctx) => ctx.state.surveys.filter((s) => s.project_id === ctx.project.id);
const serialize = ({ project_id, ...survey }) => survey;

function findSurvey(ctx) {
	const { id } = ctx.params;
	const survey = UUID.test(id) ? surveysOf(ctx).find((s) => s.id === id) : undefined;
	if (!survey) throw errors.notFound();
	return survey;
}

function listSurveys(ctx) {
	const { search, archived } = ctx.query;
	const needle = String(search ?? '').toLowerCase();
	const onlyArchived = archived === undefined ? undefined : strToBool(archived);
	const rows = surveysOf(ctx)
		.filter((s) => `${s.name} ${s.description}`.toLowerCase().includes(needle))
		.filter((s) => onlyArchived === undefined || s.archived === onlyArchived)
		.sort((a, b) => b.created_at.localeCompare(a.created_at))
		.map(serialize);
	return json(200, limitOffsetPage(ctx, rows));
}

function dateField(body, name) {
	const value = body[name];
	if (value === null) return null;
	const iso = typeof value === 'string' ? normalizeIso(value) : null;
	if (iso === null)
		throw errors.validation(
			name,
			'Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].',
		);
	return iso;
}

function updateSurvey(ctx) {
	const survey = findSurvey(ctx);
	const body = viewData(ctx.body());
	for (const name of ['start_date', 'end_date'])
		if (name in body) survey[name] = dateField(body, name);
	if ('archived' in body) survey.archived = Boolean(body.archived);
	for (const name of ['name', 'description'])
		if (typeof body[name] === 'string') survey[name] = body[name];
	return json(200, serialize(survey));
}

function deleteSurvey(ctx) {
	const survey = findSurvey(ctx);
	ctx.state.surveys = ctx.state.surveys.filter((s) => s !== survey);
	return noContent();
}

function windowBound(ctx, name) {
	const value = ctx.query[name];
	if (value === undefined) return undefined;
	if (!ZONED.test(value) || normalizeIso(value) === null)
		throw errors.validation(
			null,
			'Invalid date format. Please use ISO 8601 format with timezone info (e.g., 2024-01-01T00:00:00Z)',
		);
	return normalizeIso(value);
}

const rate = (part, whole) => (whole ? Math.round((part / whole) * 10000) / 100 : 0);

function surveyStats(ctx) {
	const survey = findSurvey(ctx);
	const from = [windowBound(ctx, 'date_from'), survey.start_date ?? survey.created_at]
		.filter(Boolean)
		.sort()
		.pop();
	const to = [windowBound(ctx, 'date_to'), survey.end_date].filter(Boolean).sort()[0];
	const events = ctx.state.events.filter(
		(e) =>
			e.project_id === ctx.project.id &&
			e.properties.$survey_id === survey.id &&
			(!from || e.timestamp >= from) &&
			(!to || e.timestamp <= to),
	);
	const sent = new Map(); // latest per submission
	for (const e of events.filter((e) => e.event === 'survey sent'))
		sent.set(e.properties.$survey_submission_id || e.uuid, e);
	const statsOf = (rows) => ({
		total_count: rows.length,
		unique_persons: new Set(rows.map((e) => e.distinct_id)).size,
		first_seen: rows.map((e) => e.timestamp).sort()[0] ?? null,
		last_seen:
			rows
				.map((e) => e.timestamp)
				.sort()
				.pop() ?? null,
	});
	const shown = events.filter((e) => e.event === 'survey shown');
	const dismissed = events.filter((e) => e.event === 'survey dismissed');
	const stats = {
		'survey shown': statsOf(shown),
		'survey dismissed': statsOf(dismissed),
		'survey sent': statsOf([...sent.values()]),
	};
	return json(200, {
		survey_id: survey.id,
		start_date: survey.start_date,
		end_date: survey.end_date,
		stats,
		rates: {
			response_rate: rate(stats['survey sent'].total_count, stats['survey shown'].total_count),
			dismissal_rate: rate(dismissed.length, shown.length),
			unique_users_response_rate: rate(
				stats['survey sent'].unique_persons,
				stats['survey shown'].unique_persons,
			),
			unique_users_dismissal_rate: rate(
				stats['survey dismissed'].unique_persons,
				stats['survey shown'].unique_persons,
			),
		},
	});
}

const base = '/api/projects/:projectId/surveys';
const read = { scope: 'survey:read' };
const write = { scope: 'survey:write' };

module.exports = {
	routes: [
		{ method: 'GET', path: `${base}/`, ...read, handler: listSurveys },
		{
			method: 'GET',
			path: `${base}/:id/`,
			...read,
			handler: (ctx) => json(200, serialize(findSurvey(ctx))),
		},
		{ method: 'PATCH', path: `${base}/:id/`, ...write, handler: updateSurvey },
		{ method: 'DELETE', path: `${base}/:id/`, ...write, handler: deleteSurvey },
		{ method: 'GET', path: `${base}/:id/stats/`, ...read, handler: surveyStats },
		{
			method: 'GET',
			path: `${base}/:id/archived-response-uuids/`,
			...read,
			enabled: (state) => state.surveyArchivedResponses !== null,
			handler: (ctx) => json(200, ctx.state.surveyArchivedResponses[findSurvey(ctx).id] ?? []),
		},
	],
};
