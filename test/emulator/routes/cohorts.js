'use strict';
// cohorts/: list (limit/offset, `search`, `type`; deleted left out, newest first), get (deleted
// ones too), create (a static cohort with `_create_static_person_ids`: person UUIDs, unknown
// ones dropped), soft delete by PATCH {deleted}, DELETE → 405, the static-membership actions
// (PATCH add_persons_to_static_cohort/ ≤ 1000 UUIDs, PATCH remove_person_from_static_cohort/)
// and the members (GET persons/, which needs person:read too). docs/posthog-api-part3.md §1.
const auth = require('../auth');
const errors = require('../errors');
const { json } = require('../respond');
const { limitOffsetPage, requestUri, setQueryParams } = require('../pagination');
const { pyInt, viewData } = require('../validate');
const { isoFromDate } = require('../time');
const { serializePerson } = require('../models/persons');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_PERSONS_PER_ADD = 1000; // DEFAULT_COHORT_INSERT_BATCH_SIZE

const cohortsOf = (ctx) => ctx.state.cohorts.filter((c) => c.project_id === ctx.project.id);
const personsOf = (ctx) => ctx.state.persons.filter((p) => p.project_id === ctx.project.id);

function serialize(ctx, { project_id, members, ...cohort }) {
	return { ...cohort, count: cohort.is_static ? members.length : cohort.count };
}

function getCohort(ctx) {
	const id = pyInt(ctx.params.id);
	const cohort = cohortsOf(ctx).find((c) => c.id === id);
	if (!cohort) throw errors.notFound();
	return cohort;
}

function listCohorts(ctx) {
	const { search, type } = ctx.query;
	const needle = String(search ?? '').toLowerCase();
	const rows = cohortsOf(ctx)
		.filter((c) => !c.deleted && c.name.toLowerCase().includes(needle))
		.filter((c) => !type || (type === 'static') === c.is_static)
		.sort((a, b) => b.created_at.localeCompare(a.created_at))
		.map((c) => serialize(ctx, c));
	return json(200, limitOffsetPage(ctx, rows));
}

function createCohort(ctx) {
	const body = viewData(ctx.body());
	if (!String(body.name ?? '').trim())
		throw errors.validation('name', 'This field may not be blank.', 'blank');
	const known = new Set(personsOf(ctx).map((p) => p.uuid));
	const members = (body._create_static_person_ids ?? []).filter((uuid) => known.has(uuid));
	const cohort = {
		project_id: ctx.project.id,
		id: ctx.state.nextIds.cohort++,
		name: body.name,
		description: body.description ?? '',
		groups: [],
		deleted: false,
		filters: { properties: { type: 'AND', values: [] } },
		query: null,
		is_calculating: false,
		created_by: null,
		created_at: isoFromDate(ctx.now()),
		last_calculation: null,
		errors_calculating: 0,
		count: null,
		is_static: Boolean(body.is_static),
		members: [...new Set(members)],
	};
	ctx.state.cohorts.push(cohort);
	return json(201, serialize(ctx, cohort));
}

function updateCohort(ctx) {
	const cohort = getCohort(ctx);
	const body = viewData(ctx.body());
	if ('deleted' in body) cohort.deleted = Boolean(body.deleted);
	if ('name' in body) cohort.name = body.name;
	if ('description' in body) cohort.description = body.description;
	return json(200, serialize(ctx, cohort));
}

function addPersons(ctx) {
	const cohort = getCohort(ctx);
	if (!cohort.is_static) throw errors.validation(null, 'Can only add users to static cohorts');
	const { person_ids: ids } = viewData(ctx.body());
	if (!Array.isArray(ids)) throw errors.validation(null, 'person_ids must be a list');
	if (ids.length === 0) throw errors.validation(null, 'person_ids cannot be empty');
	if (ids.length > MAX_PERSONS_PER_ADD) throw errors.validation(null, 'List size exceeds limit');
	if (ids.some((id) => !UUID.test(String(id)))) throw errors.serverError(); // unvalidated ORM lookup
	const known = new Set(personsOf(ctx).map((p) => p.uuid));
	const valid = ids.filter((id) => known.has(id));
	if (valid.length === 0) throw errors.validation(null, 'No valid users to add to cohort');
	cohort.members = [...new Set([...cohort.members, ...valid])];
	return json(200, { success: true });
}

function removePerson(ctx) {
	const cohort = getCohort(ctx);
	if (!cohort.is_static) throw errors.validation(null, 'Can only remove users from static cohorts');
	const { person_id: id } = viewData(ctx.body());
	if (id === undefined) throw errors.validation(null, 'person_id is required');
	if (typeof id !== 'string') throw errors.validation(null, 'person_id must be a string');
	if (!UUID.test(id)) throw errors.validation(null, 'person_id must be a valid UUID');
	if (!personsOf(ctx).some((p) => p.uuid === id))
		throw errors.notFound("Person with this UUID does not exist in the cohort's team");
	cohort.members = cohort.members.filter((member) => member !== id);
	return json(200, { success: true });
}

// `next` whenever the page came back full, so the last page can be empty (§1 "persons").
function listMembers(ctx) {
	auth.requireScope(ctx.auth, 'person:read');
	const cohort = getCohort(ctx);
	const members = new Set(cohort.is_static ? cohort.members : []);
	const rows = personsOf(ctx)
		.filter((p) => members.has(p.uuid))
		.sort((a, b) => b.created_at.localeCompare(a.created_at))
		.map((p) => ({ type: 'person', ...serializePerson(p), id: p.uuid, is_identified: true }));
	const limit = pyInt(ctx.query.limit ?? '100') ?? 100;
	const offset = pyInt(ctx.query.offset ?? '0') ?? 0;
	const results = rows.slice(offset, offset + limit);
	const next =
		results.length === limit
			? setQueryParams(requestUri(ctx), { limit, offset: offset + limit })
			: null;
	return json(200, { results, next, previous: null });
}

const base = '/api/projects/:projectId/cohorts';
const read = { scope: 'cohort:read' };
const write = { scope: 'cohort:write' };

module.exports = {
	routes: [
		{ method: 'GET', path: `${base}/`, ...read, handler: listCohorts },
		{ method: 'POST', path: `${base}/`, ...write, handler: createCohort },
		{
			method: 'GET',
			path: `${base}/:id/`,
			...read,
			handler: (ctx) => json(200, serialize(ctx, getCohort(ctx))),
		},
		{ method: 'PATCH', path: `${base}/:id/`, ...write, handler: updateCohort },
		{
			method: 'DELETE',
			path: `${base}/:id/`,
			...write,
			handler: () => {
				throw errors.forbidDestroy();
			},
		},
		{
			method: 'PATCH',
			path: `${base}/:id/add_persons_to_static_cohort/`,
			...write,
			handler: addPersons,
		},
		{
			method: 'PATCH',
			path: `${base}/:id/remove_person_from_static_cohort/`,
			...write,
			handler: removePerson,
		},
		{ method: 'GET', path: `${base}/:id/persons/`, ...read, handler: listMembers },
	],
};
