'use strict';
// persons/: list, get, set properties, update_property, delete_property, delete.
// docs/posthog-api-part2.md §3. Writes only emit a capture event in PostHog; here the event is
// "ingested" at once, unless `state.personCaptureFailure` (an HTTP status) makes it fail.
const errors = require('../errors');
const { json } = require('../respond');
const { pyInt, viewData, isPlainObject } = require('../validate');
const { isoFromDate } = require('../time');
const p = require('../models/persons');

const DEFAULT_LIMIT = 100;

/** `Filter`'s `int(...)` of limit/offset: a non-integer is an unhandled ValueError. */
function intParam(text) {
	if (!text) return null;
	const n = pyInt(text);
	if (n === null || n < 0) throw errors.serverError();
	return n;
}

// `next` is set whenever the page is full, so the page after an exact multiple is empty.
function listPersons(ctx) {
	const { search, email, distinct_id: distinctId, properties } = ctx.query;
	const limit = intParam(ctx.query.limit) || DEFAULT_LIMIT; // `not filter.limit` → 100
	const offset = intParam(ctx.query.offset) ?? 0;
	const propertyFilters = properties ? p.parsePropertyFilters(properties) : [];

	let persons = p.personsOf(ctx.state, ctx.project.id);
	// distinct_id is resolved to one person first; none → no results
	if (distinctId) persons = persons.filter((x) => x.distinct_ids.includes(distinctId));
	if (email) persons = persons.filter((x) => x.properties.email === email);
	if (search) persons = persons.filter((x) => p.matchesSearch(x, search));
	persons = persons.filter((x) => propertyFilters.every((f) => p.matchesProperty(x, f)));
	const matching = persons.sort(p.compareNewestFirst);
	const page = matching.slice(offset, offset + limit);

	return json(200, {
		results: page.map(p.serializeListPerson),
		next: page.length >= limit ? p.urlWithOffset(ctx, offset + limit) : null,
		previous: offset - limit >= 0 ? p.urlWithOffset(ctx, offset - limit) : null,
		// presence-based: `"include_total" in request.GET`
		...('include_total' in ctx.query ? { count: matching.length } : {}),
	});
}

const retrievePerson = (ctx) => json(200, p.serializePerson(p.getPerson(ctx)));

/** `_set_properties`: a `$set` capture whose failures are swallowed, so 202 proves nothing. */
function captureSet(ctx, person, properties) {
	if (ctx.state.personCaptureFailure) return;
	if (isPlainObject(properties)) Object.assign(person.properties, properties);
}

// PATCH/PUT: `properties` is checked before the person is looked up.
function setProperties(ctx) {
	const data = viewData(ctx.body());
	if (data.properties === undefined || data.properties === null)
		throw errors.swappedRequired('properties');
	captureSet(ctx, p.getPerson(ctx), data.properties);
	return { status: 202 };
}

// `value` must be present but may be null (part2 §3).
function updateProperty(ctx) {
	const data = viewData(ctx.body());
	if (!('value' in data)) throw errors.swappedRequired('value');
	if (data.key === undefined || data.key === null) throw errors.swappedRequired('key');
	captureSet(ctx, p.getPerson(ctx), { [String(data.key)]: data.value });
	return { status: 202 };
}

// The person is looked up outside get_object, and `request.data["$unset"]` is read bare:
// an unknown person, a bad id or a missing `$unset` are all 500s.
function deleteProperty(ctx) {
	const person = p.getPersonUnhandled(ctx);
	if (!person.distinct_ids.length) throw errors.serverError(); // distinct_ids[0]
	const data = viewData(ctx.body());
	if (!('$unset' in data)) throw errors.serverError();
	const failure = ctx.state.personCaptureFailure;
	if (failure) throw errors.personCaptureFailed(failure);
	const name = data.$unset;
	if (typeof name === 'string') delete person.properties[name];
	return json(201, { success: true });
}

// 202 with no body (204 on older servers: `state.personDeleteStatus`). The flags are
// presence-based, so `?delete_events=false` still deletes events; each delete is recorded
// in `state.personDeletions` for tests.
function deletePerson(ctx) {
	const person = p.getPerson(ctx);
	const has = (name) => Object.prototype.hasOwnProperty.call(ctx.query, name);
	const flags = {
		delete_events: has('delete_events'),
		delete_recordings: has('delete_recordings'),
		keep_person: has('keep_person'),
	};
	if (!flags.keep_person) ctx.state.persons.splice(ctx.state.persons.indexOf(person), 1);
	ctx.state.personDeletions.push({
		project_id: ctx.project.id,
		uuid: person.uuid,
		distinct_ids: [...person.distinct_ids],
		...flags,
		requested_at: isoFromDate(ctx.now()),
	});
	return { status: ctx.state.personDeleteStatus };
}

/**
 * `POST persons/bulk_delete/` (docs/posthog-api-part3.md §8): `ids` or `distinct_ids`, at most
 * 1000, flags read as JSON truthiness; 202 with PostHog's counts. Each delete is recorded in
 * `state.personDeletions`, as single deletes are.
 */
function bulkDeletePersons(ctx) {
	const body = viewData(ctx.body());
	const { ids, distinct_ids: distinctIds } = body;
	if (ids !== undefined && distinctIds !== undefined)
		throw errors.validation(null, 'You must provide either distinct_ids or ids, not both');
	const list = ids ?? distinctIds;
	if (list === undefined)
		throw errors.validation(null, 'You need to specify either distinct_ids or ids');
	if (!Array.isArray(list) || list.length > 1000)
		throw errors.validation(null, 'You can only pass 1000 distinct_ids in one call');
	const wanted = new Set(list.map(String));
	const found = ctx.state.persons.filter(
		(person) =>
			person.project_id === ctx.project.id &&
			(ids !== undefined
				? wanted.has(person.uuid)
				: person.distinct_ids.some((id) => wanted.has(String(id)))),
	);
	const flags = {
		delete_events: Boolean(body.delete_events),
		delete_recordings: Boolean(body.delete_recordings),
		keep_person: Boolean(body.keep_person),
	};
	for (const person of found) {
		if (!flags.keep_person) ctx.state.persons.splice(ctx.state.persons.indexOf(person), 1);
		ctx.state.personDeletions.push({
			project_id: ctx.project.id,
			uuid: person.uuid,
			distinct_ids: [...person.distinct_ids],
			...flags,
			bulk: true,
			requested_at: isoFromDate(ctx.now()),
		});
	}
	return json(202, {
		persons_found: found.length,
		persons_deleted: flags.keep_person ? 0 : found.length,
		events_queued_for_deletion: flags.delete_events ? found.length : 0,
		recordings_queued_for_deletion: flags.delete_recordings ? found.length : 0,
		deletion_errors: [],
	});
}

function createPerson() {
	throw errors.methodNotAllowed(
		'POST',
		'Creating persons via this API is not allowed. Please create persons by sending an $identify event. See https://posthog.com/docs/product-analytics/identify for details.',
	);
}

const base = '/api/projects/:projectId/persons';
// `throttle` documents PostHog's classes for persons (part2 §7); faults.throttle() applies one.
const read = { scope: 'person:read', throttle: 'ClickHouseBurst 240/min' };
const write = { scope: 'person:write', throttle: 'ClickHouseBurst 240/min' };

module.exports = {
	routes: [
		{ method: 'GET', path: `${base}/`, ...read, handler: listPersons },
		{ method: 'POST', path: `${base}/`, ...write, handler: createPerson },
		{
			method: 'POST',
			path: `${base}/bulk_delete/`,
			scope: 'person:write',
			throttle: 'PersonsDelete 480/min + 4800/h',
			handler: bulkDeletePersons,
		},
		{ method: 'GET', path: `${base}/:id/`, ...read, handler: retrievePerson },
		{ method: 'PATCH', path: `${base}/:id/`, ...write, handler: setProperties },
		{ method: 'PUT', path: `${base}/:id/`, ...write, handler: setProperties },
		{
			method: 'DELETE',
			path: `${base}/:id/`,
			scope: 'person:write',
			throttle: 'PersonsDelete 480/min + 4800/h',
			handler: deletePerson,
		},
		{ method: 'POST', path: `${base}/:id/update_property/`, ...write, handler: updateProperty },
		{ method: 'POST', path: `${base}/:id/delete_property/`, ...write, handler: deleteProperty },
	],
};
