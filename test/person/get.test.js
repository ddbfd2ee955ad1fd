const { usePostHog, locator, SEED } = require('../helpers/posthog');
const { PostHogManagement } = require('../helpers/builtPackage');
const { person } = require('../helpers/operations');

const posthog = usePostHog();

const { maria, tom } = SEED.personIds;
const LIST = '/api/projects/1/persons/';

const MARIA = {
	id: 1,
	uuid: maria,
	name: 'maria@acme.com',
	distinct_ids: ['maria@acme.com', 'anon-1f2e'],
	properties: { email: 'maria@acme.com', name: 'Maria Garcia' },
	created_at: '2024-11-05T10:02:00Z',
	last_seen_at: '2025-01-20T08:00:00Z',
};

describe('person get and the Person locator', () => {
	test('By ID sends the UUID as it is and outputs the person as PostHog returned it (id is the integer there)', async () => {
		const { json, items, error } = await posthog.run(
			person.get({ personId: locator('id', maria) }),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([{ method: 'GET', path: `/api/projects/1/persons/${maria}/` }]);
		expect(json).toEqual([MARIA]);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	test('By Distinct ID looks the UUID up with GET persons/?distinct_id=, then gets the person by UUID', async () => {
		const { json, error } = await posthog.run(
			person.get({ personId: locator('distinctId', 'anon-1f2e') }),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			{ method: 'GET', path: LIST, query: { distinct_id: 'anon-1f2e' } },
			{ method: 'GET', path: `/api/projects/1/persons/${maria}/` },
		]);
		expect(json).toEqual([MARIA]);
	});

	test('By URL takes the percent-encoded distinct ID from …/person/<distinct id> and resolves it the same way', async () => {
		const { json, error } = await posthog.run(
			person.get({
				personId: locator(
					'url',
					'https://us.posthog.com/project/1/person/tom%40acme.com#activeTab=events',
				),
			}),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			{ method: 'GET', path: LIST, query: { distinct_id: 'tom@acme.com' } },
			{ method: 'GET', path: `/api/projects/1/persons/${tom}/` },
		]);
		expect(json[0]).toMatchObject({ id: 2, uuid: tom });
	});

	test('the same distinct ID on every item is looked up once per execution, not once per item', async () => {
		const { json, items, error } = await posthog.run(
			person.get({ personId: locator('distinctId', '={{ $json.who }}') }),
			{
				input: [
					{ json: { who: 'maria@acme.com' } },
					{ json: { who: 'maria@acme.com' } },
					{ json: { who: 'tom@acme.com' } },
				],
			},
		);

		expect(error).toBeUndefined();
		const lookups = posthog.requests().filter((request) => request.path === LIST);
		expect(lookups.map((request) => request.query)).toEqual(
			expect.arrayContaining([{ distinct_id: 'maria@acme.com' }, { distinct_id: 'tom@acme.com' }]),
		);
		expect(lookups).toHaveLength(2);
		expect(posthog.requests()).toHaveLength(5);
		expect(json.map((person) => person.uuid)).toEqual([maria, maria, tom]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	test('an unknown distinct ID is an error naming it, after the look-up only', async () => {
		const { error } = await posthog.run(
			person.get({ personId: locator('distinctId', 'nobody@example.com') }),
		);

		expect(error.message).toBe(
			'Person: no person with distinct ID "nobody@example.com" in project 1',
		);
		posthog.expectReceived([
			{ method: 'GET', path: LIST, query: { distinct_id: 'nobody@example.com' } },
		]);
	});

	test('a look-up answer that does not list the distinct ID (a server ignoring the filter) is not taken for the person', async () => {
		posthog.emulator.override = (req, record) =>
			record.path === LIST
				? {
						status: 200,
						body: {
							results: [{ uuid: tom, distinct_ids: ['tom@acme.com'] }],
							next: null,
							previous: null,
						},
					}
				: undefined;

		const { error } = await posthog.run(
			person.get({ personId: locator('distinctId', 'maria@acme.com') }),
		);

		expect(error.message).toBe('Person: no person with distinct ID "maria@acme.com" in project 1');
		expect(posthog.requests()).toHaveLength(1);
	});

	test('By ID refuses a value that is not a UUID (from an expression) before any request', async () => {
		const { error } = await posthog.run(
			person.get({ personId: locator('id', '={{ $json.id }}') }),
			{ input: [{ json: { id: 'maria@acme.com' } }] },
		);

		expect(error.message).toMatch(/^Person: "maria@acme.com" is not a person UUID/);
		expect(posthog.requests()).toHaveLength(0);
	});

	test('By URL refuses a URL that is not a person URL before any request', async () => {
		const { error } = await posthog.run(
			person.get({ personId: locator('url', 'https://us.posthog.com/project/1/persons') }),
		);

		expect(error.message).toBe(
			'Person: not a PostHog person URL (…/project/ID/person/DISTINCT_ID)',
		);
		expect(posthog.requests()).toHaveLength(0);
	});

	test('an unknown UUID fails with PostHog’s 404', async () => {
		const { error } = await posthog.run(
			person.get({ personId: locator('id', '0193a1b5-c3d4-7e5f-8a6b-0000000000ff') }),
		);

		expect(error.httpCode).toBe('404');
		expect(error.message).toBe('Not found.');
	});

	test('with Continue On Fail, an unknown distinct ID gives an error item paired to its input, the others their person', async () => {
		const { json, items, error } = await posthog.run(
			person.get({ personId: locator('distinctId', '={{ $json.who }}') }),
			{
				input: [{ json: { who: 'tom@acme.com' } }, { json: { who: 'ghost' } }],
				continueOnFail: true,
			},
		);

		expect(error).toBeUndefined();
		expect(json[0].uuid).toBe(tom);
		expect(json[1].error).toMatch(/no person with distinct ID "ghost"/);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});

test('Person (a locator: id, distinctId, url) and Group → Get Related’s Person ID (a UUID string) are two parameters kept apart by resource', () => {
	const personIds = new PostHogManagement().description.properties.filter(
		(property) => property.name === 'personId',
	);

	const forPerson = personIds.filter((property) =>
		property.displayOptions.show.resource.includes('person'),
	);
	const forGroup = personIds.filter((property) =>
		property.displayOptions.show.resource.includes('group'),
	);
	expect(forPerson).toHaveLength(1);
	expect(forPerson[0].type).toBe('resourceLocator');
	expect(forPerson[0].modes.map((mode) => mode.name)).toEqual(['id', 'distinctId', 'url']);
	expect(forPerson[0].displayOptions.show).toEqual({
		resource: ['person'],
		operation: ['delete', 'deleteProperty', 'get', 'setProperties'],
	});
	expect(forGroup).toHaveLength(1);
	expect(forGroup[0].type).toBe('string');
	expect(forGroup[0].displayOptions.show).toEqual({
		resource: ['group'],
		operation: ['getRelated'],
		relatedTo: ['person'],
	});
});
