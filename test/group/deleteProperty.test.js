const { usePostHog } = require('../helpers/posthog');

const posthog = usePostHog();

const DELETE_PATH = '/api/projects/1/groups/delete_property/';

function expectDeleteRequest(request, query, body) {
	expect(request.method).toBe('POST');
	expect(request.path).toBe(DELETE_PATH);
	expect(request.query).toEqual(query);
	expect(request.body).toEqual(body);
	expect(request.headers.authorization).toBe(`Bearer ${posthog.emulator.apiKey}`);
}

const groupOf = (key, index = 0) =>
	posthog.emulator.state.groups.find((g) => g.project_id === 1 && g.group_type_index === index && g.group_key === key);

describe('group deleteProperty', () => {
	test('deleteProperty sends POST delete_property/ with body exactly {"$unset": name}, removes the property and outputs the updated group', async () => {
		const { json, items, error } = await posthog.run({
			resource: 'group',
			operation: 'deleteProperty',
			groupTypeIndex: 0,
			groupKey: 'acme',
			propertyName: 'industry',
		});

		expect(error).toBeUndefined();
		expect(posthog.requests()).toHaveLength(1);
		expectDeleteRequest(posthog.lastRequest(), { group_type_index: '0', group_key: 'acme' }, { $unset: 'industry' });

		expect(json).toEqual([
			{
				group_type_index: 0,
				group_key: 'acme',
				group_properties: { name: 'Acme', employees: 120 },
				created_at: '2024-11-05T10:00:00.123456Z',
			},
		]);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(groupOf('acme').group_properties).toEqual({ name: 'Acme', employees: 120 });
		expect(groupOf('acme').group_properties).not.toHaveProperty('industry');
	});

	test('deleteProperty takes the key and name from expressions for each input item and pairs the outputs', async () => {
		const { json, items, error } = await posthog.run(
			{
				resource: 'group',
				operation: 'deleteProperty',
				groupTypeIndex: 0,
				groupKey: '={{ $json.key }}',
				propertyName: '={{ $json.prop }}',
			},
			{ input: [{ json: { key: 'hooli', prop: 'is_customer' } }, { json: { key: 'umbrella', prop: 'plan' } }] },
		);

		expect(error).toBeUndefined();
		const requests = posthog.requests();
		expect(requests).toHaveLength(2);
		const byKey = Object.fromEntries(requests.map((request) => [request.query.group_key, request]));
		expectDeleteRequest(byKey.hooli, { group_type_index: '0', group_key: 'hooli' }, { $unset: 'is_customer' });
		expectDeleteRequest(byKey.umbrella, { group_type_index: '0', group_key: 'umbrella' }, { $unset: 'plan' });

		expect(json.map((group) => group.group_key)).toEqual(['hooli', 'umbrella']);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(groupOf('hooli').group_properties).not.toHaveProperty('is_customer');
		expect(groupOf('umbrella').group_properties).not.toHaveProperty('plan');
		expect(groupOf('umbrella').group_properties).toEqual({ name: 'Umbrella Corp', industry: 'Biotech', employees: 900 });
	});

	test('deleteProperty of a property the group does not have fails with PostHog’s 400 detail, and the description names `$unset`', async () => {
		const before = JSON.parse(JSON.stringify(groupOf('acme')));

		const { error } = await posthog.run({
			resource: 'group',
			operation: 'deleteProperty',
			groupTypeIndex: 0,
			groupKey: 'acme',
			propertyName: 'x',
		});

		expect(error).toBeDefined();
		expect(error.httpCode).toBe('400');
		expect(error.message).toBe("Property 'x' does not exist on this group.");
		expect(error.description).toMatch(/\$unset/);
		expect(posthog.requests()).toHaveLength(1);
		expectDeleteRequest(posthog.lastRequest(), { group_type_index: '0', group_key: 'acme' }, { $unset: 'x' });
		expect(groupOf('acme')).toEqual(before);
	});

	test('deleteProperty on a group that does not exist fails with PostHog’s 404', async () => {
		const { error } = await posthog.run({
			resource: 'group',
			operation: 'deleteProperty',
			groupTypeIndex: 1,
			groupKey: 'no-such-team',
			propertyName: 'name',
		});

		expect(error).toBeDefined();
		expect(error.httpCode).toBe('404');
		expect(error.message).toBe('Not found.');
		expectDeleteRequest(posthog.lastRequest(), { group_type_index: '1', group_key: 'no-such-team' }, { $unset: 'name' });
	});

	test('deleteProperty with an empty group key is refused before any request', async () => {
		const { error } = await posthog.run({
			resource: 'group',
			operation: 'deleteProperty',
			groupTypeIndex: 0,
			groupKey: '',
			propertyName: 'industry',
		});

		expect(error).toBeDefined();
		expect(error.message).toMatch(/Group Key/);
		expect(posthog.requests()).toHaveLength(0);
	});
});
