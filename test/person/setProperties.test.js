const { usePostHog, locator, SEED } = require('../helpers/posthog');
const { person } = require('../helpers/operations');

const posthog = usePostHog();

const { maria, dana } = SEED.personIds;
const personOf = (uuid) => posthog.emulator.state.persons.find((person) => person.uuid === uuid);

describe('person setProperties', () => {
	test('sends ONE PATCH with all properties, typed like group values, and outputs { success, queued, person } for PostHog’s empty 202', async () => {
		const { json, items, error } = await posthog.run(
			person.setProperties({
				personId: locator('id', maria),
				properties: {
					property: [
						{ key: 'plan', value: 'pro' },
						{ key: 'seats', value: '12' },
						{ key: 'zip', value: '007' },
						{ key: 'beta', value: 'true' },
						{ key: 'address', value: '{"city":"Porto"}' },
					],
				},
			}),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			{
				method: 'PATCH',
				path: `/api/projects/1/persons/${maria}/`,
				body: {
					properties: {
						plan: 'pro',
						seats: 12,
						zip: '007',
						beta: true,
						address: { city: 'Porto' },
					},
				},
			},
		]);
		expect(posthog.lastRequest().status).toBe(202);
		expect(json).toEqual([{ success: true, queued: true, person: maria }]);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		// other properties are kept: PostHog merges through a $set event
		expect(personOf(maria).properties).toEqual({
			email: 'maria@acme.com',
			name: 'Maria Garcia',
			plan: 'pro',
			seats: 12,
			zip: '007',
			beta: true,
			address: { city: 'Porto' },
		});
	});

	test('By Distinct ID: the look-up, then the PATCH to the UUID; the output names the UUID', async () => {
		const { json, error } = await posthog.run(
			person.setProperties({
				personId: locator('distinctId', 'dana@initech.com'),
				properties: { property: [{ key: 'plan', value: 'enterprise' }] },
			}),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			{
				method: 'GET',
				path: '/api/projects/1/persons/',
				query: { distinct_id: 'dana@initech.com' },
			},
			{
				method: 'PATCH',
				path: `/api/projects/1/persons/${dana}/`,
				body: { properties: { plan: 'enterprise' } },
			},
		]);
		expect(json).toEqual([{ success: true, queued: true, person: dana }]);
	});

	test('each item is paired to its own person', async () => {
		const { json, items, error } = await posthog.run(
			person.setProperties({
				personId: locator('distinctId', '={{ $json.who }}'),
				properties: { property: [{ key: 'plan', value: '={{ $json.plan }}' }] },
			}),
			{
				input: [
					{ json: { who: 'maria@acme.com', plan: 'pro' } },
					{ json: { who: 'dana@initech.com', plan: 'free' } },
				],
			},
		);

		expect(error).toBeUndefined();
		expect(json).toEqual([
			{ success: true, queued: true, person: maria },
			{ success: true, queued: true, person: dana },
		]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(personOf(maria).properties.plan).toBe('pro');
		expect(personOf(dana).properties.plan).toBe('free');
	});

	test('no properties, or a value that looks like JSON but does not parse, is refused before any request (even the look-up)', async () => {
		const none = await posthog.run(
			person.setProperties({ personId: locator('distinctId', 'maria@acme.com'), properties: {} }),
		);
		const broken = await posthog.run(
			person.setProperties({
				personId: locator('distinctId', 'maria@acme.com'),
				properties: { property: [{ key: 'meta', value: '{"broken' }] },
			}),
		);

		expect(none.error.message).toBe('Properties: add at least one property to set');
		expect(broken.error.message).toMatch(/^Properties:.*"meta".*does not parse/);
		expect(posthog.requests()).toHaveLength(0);
	});

	test('a 202 proves nothing: when PostHog’s capture fails silently the output is still queued (as documented)', async () => {
		posthog.emulator.state.personCaptureFailure = 503;

		const { json, error } = await posthog.run(
			person.setProperties({
				personId: locator('id', maria),
				properties: { property: [{ key: 'plan', value: 'pro' }] },
			}),
		);

		expect(error).toBeUndefined();
		expect(json).toEqual([{ success: true, queued: true, person: maria }]);
		expect(personOf(maria).properties.plan).toBeUndefined();
	});

	test('a PATCH is not retried after a 5xx (PostHog may have queued it)', async () => {
		const faults = require('../emulator/faults');
		posthog.emulator.override = faults.first(1, faults.serverError(502));

		const { error } = await posthog.run(
			person.setProperties({
				personId: locator('id', maria),
				properties: { property: [{ key: 'plan', value: 'pro' }] },
			}),
		);

		expect(error.httpCode).toBe('502');
		expect(posthog.requests()).toHaveLength(1);
		expect(posthog.time.slept).toEqual([]);
	});
});
