const { usePostHog, locator, SEED } = require('../helpers/posthog');
const { person } = require('../helpers/operations');

const posthog = usePostHog();

const { maria } = SEED.personIds;
const personOf = (uuid) => posthog.emulator.state.persons.find((person) => person.uuid === uuid);

describe('person deleteProperty', () => {
	test('sends POST persons/{uuid}/delete_property/ with {"$unset": name} and outputs PostHog’s answer', async () => {
		const { json, items, error } = await posthog.run(
			person.deleteProperty({
				personId: locator('distinctId', 'maria@acme.com'),
				propertyName: 'name',
			}),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			{ method: 'GET', path: '/api/projects/1/persons/', query: { distinct_id: 'maria@acme.com' } },
			{
				method: 'POST',
				path: `/api/projects/1/persons/${maria}/delete_property/`,
				body: { $unset: 'name' },
			},
		]);
		expect(posthog.lastRequest().status).toBe(201);
		expect(json).toEqual([{ success: true }]);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(personOf(maria).properties).toEqual({ email: 'maria@acme.com' });
	});

	test('a blank property name is refused before any request', async () => {
		const { error } = await posthog.run(
			person.deleteProperty({ personId: locator('id', maria), propertyName: '  ' }),
		);

		expect(error.message).toBe('Property Name: must not be empty');
		expect(posthog.requests()).toHaveLength(0);
	});

	test('an unknown UUID: PostHog answers 500, which is not retried and is explained', async () => {
		const { error } = await posthog.run(
			person.deleteProperty({
				personId: locator('id', '0193a1b5-c3d4-7e5f-8a6b-0000000000ff'),
				propertyName: 'plan',
			}),
		);

		expect(error.httpCode).toBe('500');
		expect(error.description).toMatch(/the person does not exist/);
		expect(posthog.requests()).toHaveLength(1);
	});

	test('a failed capture is PostHog’s { success: false, detail } error', async () => {
		posthog.emulator.state.personCaptureFailure = 502;

		const { error } = await posthog.run(
			person.deleteProperty({ personId: locator('id', maria), propertyName: 'name' }),
		);

		expect(error.httpCode).toBe('502');
		expect(error.message).toBe('Unable to delete property');
		expect(personOf(maria).properties.name).toBe('Maria Garcia');
	});
});
