const { usePostHog, SEED } = require('../helpers/posthog');
const { person } = require('../helpers/operations');

const posthog = usePostHog();

const PATH = '/api/projects/1/persons/';
const { maria, tom, li, anonymous, dana } = SEED.personIds;

describe('person getAll', () => {
	test('Return All pages by limit/offset and outputs one item per person, newest first, as PostHog listed them', async () => {
		const { json, items, error } = await posthog.run(person.getAll({ returnAll: true }));

		expect(error).toBeUndefined();
		posthog.expectReceived([{ method: 'GET', path: PATH, query: { limit: '100', offset: '0' } }]);
		expect(json.map((person) => person.uuid)).toEqual([dana, anonymous, li, tom, maria]);
		// in the list `id` is the UUID (on Get it is a number)
		expect(json[4]).toEqual({
			type: 'person',
			id: maria,
			uuid: maria,
			created_at: '2024-11-05T10:02:00Z',
			last_seen_at: '2025-01-20T08:00:00Z',
			properties: { email: 'maria@acme.com', name: 'Maria Garcia' },
			is_identified: true,
			name: 'maria@acme.com',
			distinct_ids: ['maria@acme.com', 'anon-1f2e'],
			matched_recordings: [],
			value_at_data_point: null,
		});
		expect(items.every((item) => item.pairedItem.item === 0)).toBe(true);
	});

	test('filters are sent as PostHog’s query parameters, properties as the JSON array [{key, value, type: "person"}]', async () => {
		const { json, error } = await posthog.run(
			person.getAll({
				returnAll: true,
				filters: {
					search: 'acme.com',
					properties: { property: [{ key: 'name', value: 'Tom Chen' }] },
				},
			}),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			{
				method: 'GET',
				path: PATH,
				query: {
					search: 'acme.com',
					properties: JSON.stringify([{ key: 'name', value: 'Tom Chen', type: 'person' }]),
					limit: '100',
					offset: '0',
				},
			},
		]);
		expect(json.map((person) => person.uuid)).toEqual([tom]);
	});

	test('the email and distinct ID filters match exactly', async () => {
		const byEmail = await posthog.run(
			person.getAll({ returnAll: true, filters: { email: 'li@globex.com' } }),
		);
		const byDistinctId = await posthog.run(
			person.getAll({ returnAll: true, filters: { distinctId: 'anon-1f2e' } }),
		);

		expect(byEmail.error).toBeUndefined();
		expect(byDistinctId.error).toBeUndefined();
		posthog.expectReceived([
			{ method: 'GET', path: PATH, query: { email: 'li@globex.com', limit: '100', offset: '0' } },
			{ method: 'GET', path: PATH, query: { distinct_id: 'anon-1f2e', limit: '100', offset: '0' } },
		]);
		expect(byEmail.json.map((person) => person.uuid)).toEqual([li]);
		expect(byDistinctId.json.map((person) => person.uuid)).toEqual([maria]);
	});

	test('a property filter with an empty key is refused before any request', async () => {
		const { error } = await posthog.run(
			person.getAll({
				returnAll: true,
				filters: { properties: { property: [{ key: ' ', value: 'pro' }] } },
			}),
		);

		expect(error.message).toBe('Properties: filter 1 has an empty key');
		expect(posthog.requests()).toHaveLength(0);
	});

	test('a 429 on the persons list names PostHog’s throttle for persons (240 a minute, no hourly cap)', async () => {
		const faults = require('../emulator/faults');
		posthog.emulator.override = faults.always(faults.rateLimited({ seconds: 1 }));

		const { error } = await posthog.run(
			person.getAll({ returnAll: true, options: { retryOnRateLimit: false } }),
		);

		expect(error.httpCode).toBe('429');
		expect(error.description).toMatch(
			/^PostHog allows 240 requests a minute per personal API key for this endpoint\./,
		);
		expect(posthog.requests()).toHaveLength(1);
	});
});
