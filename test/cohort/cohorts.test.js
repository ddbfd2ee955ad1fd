// cohort: list, get, create (static, with its first persons), add persons (1,000 a request),
// remove a person, the members, delete (PATCH {deleted: true}). docs/posthog-api-part3.md §1.
// Return All / Limit and the pager: test/lists.test.js.
const { usePostHog, locator, SEED } = require('../helpers/posthog');
const { cohort } = require('../helpers/operations');
const faults = require('../emulator/faults');

const posthog = usePostHog();

const BASE = '/api/projects/1/cohorts/';
const { betaTesters, powerUsers, oldCampaign } = SEED.cohortIds;
const { maria, tom, li } = SEED.personIds;
const cohortOf = (id) => posthog.emulator.state.cohorts.find((c) => c.id === id);
const beta = locator('id', betaTesters);

/** `count` more persons of project 1 with distinct IDs `crm-0` …; their UUIDs. */
function addPersons(count) {
	const uuids = [];
	for (let n = 0; n < count; n++) {
		const uuid = `0193a1b5-c3d4-7e5f-8a6b-${(0x20000 + n).toString(16).padStart(12, '0')}`;
		uuids.push(uuid);
		posthog.emulator.state.persons.push({
			...posthog.emulator.state.persons[0],
			id: 20_000 + n,
			uuid,
			distinct_ids: [`crm-${n}`],
		});
	}
	return uuids;
}

describe('cohort getAll and get', () => {
	test('lists the live cohorts, newest first; Type and Search are sent as PostHog’s type and search', async () => {
		const all = await posthog.run(cohort.getAll({ returnAll: true }));
		const statics = await posthog.run(
			cohort.getAll({ returnAll: true, filters: { type: 'static', search: 'beta' } }),
		);

		expect(all.json.map((c) => c.id)).toEqual([betaTesters, powerUsers]);
		expect(statics.json.map((c) => c.name)).toEqual(['Beta testers']);
		expect(posthog.requests()[1].query).toEqual({
			type: 'static',
			search: 'beta',
			limit: '100',
			offset: '0',
		});
	});

	test('By URL takes the ID out of …/cohorts/ID, and gets a deleted cohort too', async () => {
		const { json, error } = await posthog.run(
			cohort.get({
				cohortId: locator('url', `https://us.posthog.com/project/1/cohorts/${oldCampaign}`),
			}),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([{ method: 'GET', path: `${BASE}${oldCampaign}/` }]);
		expect(json[0]).toMatchObject({ id: oldCampaign, deleted: true });
	});

	test('a URL that is not a cohort URL is refused before any request', async () => {
		const { error } = await posthog.run(
			cohort.get({ cohortId: locator('url', 'https://us.posthog.com/project/1/persons') }),
		);

		expect(error.message).toBe('Cohort: not a PostHog cohort URL (…/project/ID/cohorts/COHORT_ID)');
		expect(posthog.requests()).toEqual([]);
	});

	test('the From List search shows each cohort’s type', async () => {
		const { results } = await posthog.callMethod('listSearch', 'searchCohorts', {}, ['']);

		expect(results.map((r) => r.name)).toEqual(['Beta testers (static)', 'Power users (dynamic)']);
		expect(results[0].value).toBe(String(betaTesters));
	});
});

describe('cohort create', () => {
	test('sends a static cohort with its first persons; distinct IDs are looked up, unknown ones reported', async () => {
		const { json, error } = await posthog.run(
			cohort.create({
				name: 'CRM: enterprise',
				additionalFields: {
					description: 'From the CRM',
					personIds: 'maria@acme.com, nobody@example.com',
					personIdType: 'distinctId',
				},
			}),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			{ method: 'GET', path: '/api/projects/1/persons/', query: { distinct_id: 'maria@acme.com' } },
			{
				method: 'GET',
				path: '/api/projects/1/persons/',
				query: { distinct_id: 'nobody@example.com' },
			},
			{
				method: 'POST',
				path: BASE,
				body: {
					name: 'CRM: enterprise',
					is_static: true,
					description: 'From the CRM',
					_create_static_person_ids: [maria],
				},
			},
		]);
		expect(json[0]).toMatchObject({
			name: 'CRM: enterprise',
			is_static: true,
			count: 1,
			notFound: ['nobody@example.com'],
		});
	});

	test('without persons, an empty static cohort: name and is_static only', async () => {
		const { json, error } = await posthog.run(cohort.create({ name: 'Later' }));

		expect(error).toBeUndefined();
		posthog.expectReceived([
			{ method: 'POST', path: BASE, body: { name: 'Later', is_static: true } },
		]);
		expect(json[0]).not.toHaveProperty('notFound');
	});

	test('a 500 is not retried: PostHog may have created the cohort', async () => {
		posthog.emulator.override = faults.first(1, faults.serverError(500));

		const { error } = await posthog.run(cohort.create({ name: 'Once' }));

		expect(error.httpCode).toBe('500');
		expect(posthog.requests()).toHaveLength(1);
	});
});

describe('cohort addPersons', () => {
	test('UUIDs go in requests of at most 1,000, and the output counts what was sent', async () => {
		const uuids = addPersons(2300);

		const { json, items, error } = await posthog.run(
			cohort.addPersons({ cohortId: beta, personIds: uuids.join('\n') }),
		);

		expect(error).toBeUndefined();
		expect(posthog.requests().map((r) => [r.method, r.path, r.body.person_ids.length])).toEqual([
			['PATCH', `${BASE}${betaTesters}/add_persons_to_static_cohort/`, 1000],
			['PATCH', `${BASE}${betaTesters}/add_persons_to_static_cohort/`, 1000],
			['PATCH', `${BASE}${betaTesters}/add_persons_to_static_cohort/`, 300],
		]);
		expect(json).toEqual([{ success: true, cohort: betaTesters, added: 2300, notFound: [] }]);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(cohortOf(betaTesters).members).toHaveLength(2302);
	});

	test('distinct IDs are looked up one request each; those that match no person are reported, never sent', async () => {
		const { json, error } = await posthog.run(
			cohort.addPersons({
				cohortId: beta,
				personIds: ['li@globex.com', 'ghost@example.com'],
				personIdType: 'distinctId',
			}),
		);

		expect(error).toBeUndefined();
		expect(posthog.lastRequest().body).toEqual({ person_ids: [li] });
		expect(json).toEqual([
			{ success: true, cohort: betaTesters, added: 1, notFound: ['ghost@example.com'] },
		]);
	});

	test('from 50 distinct IDs on, they are looked up with HogQL, 1,000 a query, and the UUIDs sent 1,000 a request', async () => {
		const uuids = addPersons(2500);
		const distinctIds = [...uuids.map((_, n) => `crm-${n}`), 'ghost@example.com', "o'brien"];

		const { json, error } = await posthog.run(
			cohort.addPersons({ cohortId: beta, personIds: distinctIds, personIdType: 'distinctId' }),
		);

		expect(error).toBeUndefined();
		const sent = posthog.requests().map((r) => `${r.method} ${r.path}`);
		expect(sent).toEqual([
			...Array(3).fill('POST /api/projects/1/query/'),
			...Array(3).fill(`PATCH ${BASE}${betaTesters}/add_persons_to_static_cohort/`),
		]);
		const [first] = posthog.requests();
		expect(first.body.query.query).toMatch(
			/^SELECT distinct_id, person_id FROM person_distinct_ids WHERE distinct_id IN \('crm-0', 'crm-1', .*\) LIMIT 1000$/,
		);
		expect(posthog.requests()[2].body.query.query).toMatch(/'o\\'brien'\) LIMIT 502$/);
		expect(json).toEqual([
			{
				success: true,
				cohort: betaTesters,
				added: 2500,
				notFound: ['ghost@example.com', "o'brien"],
			},
		]);
		expect(cohortOf(betaTesters).members).toHaveLength(2502);
	});

	test('without query:read, many distinct IDs are looked up one request each instead', async () => {
		const uuids = addPersons(60);
		posthog.emulator.state.keys.phx_no_query = { scopes: ['cohort:write', 'person:read'] };

		const { json, error } = await posthog.run(
			cohort.addPersons({
				cohortId: beta,
				personIds: uuids.map((_, n) => `crm-${n}`),
				personIdType: 'distinctId',
			}),
			{ credentials: posthog.credentials({ apiKey: 'phx_no_query' }) },
		);

		expect(error).toBeUndefined();
		const statuses = posthog.requests().map((r) => `${r.status} ${r.method} ${r.path}`);
		expect(statuses[0]).toBe('403 POST /api/projects/1/query/');
		expect(statuses.filter((line) => line === '200 GET /api/projects/1/persons/')).toHaveLength(60);
		expect(json[0]).toMatchObject({ added: 60, notFound: [] });
	});

	test('a dynamic cohort refuses it with PostHog’s 400', async () => {
		const { error } = await posthog.run(
			cohort.addPersons({ cohortId: locator('id', powerUsers), personIds: li }),
		);

		expect(error.httpCode).toBe('400');
		expect(error.message).toBe('Can only add users to static cohorts');
	});

	test('a UUID that is not a UUID is refused before any request', async () => {
		const { error } = await posthog.run(
			cohort.addPersons({ cohortId: beta, personIds: 'maria@acme.com' }),
		);

		expect(error.message).toMatch(/^Person IDs: "maria@acme.com" is not a person UUID/);
		expect(posthog.requests()).toEqual([]);
	});
});

describe('cohort removePerson, getPersons, delete', () => {
	test('removePerson sends the UUID of a person given by distinct ID', async () => {
		const { json, error } = await posthog.run(
			cohort.removePerson({ cohortId: beta, personId: locator('distinctId', 'tom@acme.com') }),
		);

		expect(error).toBeUndefined();
		expect(posthog.lastRequest()).toMatchObject({
			method: 'PATCH',
			path: `${BASE}${betaTesters}/remove_person_from_static_cohort/`,
			body: { person_id: tom },
		});
		expect(json).toEqual([{ success: true }]);
		expect(cohortOf(betaTesters).members).toEqual([maria]);
	});

	test('getPersons lists the members, one item per person', async () => {
		const { json, error } = await posthog.run(
			cohort.getPersons({ cohortId: beta, returnAll: true }),
		);

		expect(error).toBeUndefined();
		expect(json.map((p) => p.uuid).sort()).toEqual([maria, tom].sort());
	});

	test('getPersons needs person:read too: PostHog’s 403 names it', async () => {
		posthog.emulator.state.keys.phx_cohorts_only = { scopes: ['cohort:read'] };

		const { error } = await posthog.run(cohort.getPersons({ cohortId: beta, returnAll: true }), {
			credentials: posthog.credentials({ apiKey: 'phx_cohorts_only' }),
		});

		expect(error.httpCode).toBe('403');
		expect(error.description).toMatch(/"person:read"/);
	});

	test('delete sends PATCH {deleted: true} (DELETE is 405) and the cohort leaves the list', async () => {
		const { json, error } = await posthog.run(cohort.delete({ cohortId: beta }));

		expect(error).toBeUndefined();
		posthog.expectReceived([
			{ method: 'PATCH', path: `${BASE}${betaTesters}/`, body: { deleted: true } },
		]);
		expect(json[0]).toMatchObject({ id: betaTesters, deleted: true });
		expect(cohortOf(betaTesters).deleted).toBe(true);
	});
});
