const { usePostHog, failure } = require('../helpers/posthog');
const { group } = require('../helpers/operations');
const api = require('../helpers/api');

const posthog = usePostHog();

const groupOf = (key, index = 0) =>
	posthog.emulator.state.groups.find(
		(g) => g.project_id === 1 && g.group_type_index === index && g.group_key === key,
	);

describe('group deleteProperty', () => {
	test('deleteProperty sends POST delete_property/ with body exactly {"$unset": name}, removes the property and outputs the updated group', async () => {
		const { json, items, error } = await posthog.run(
			group.deleteProperty({ groupTypeIndex: 0, groupKey: 'acme', propertyName: 'industry' }),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			api.group.deleteProperty(
				{ group_type_index: '0', group_key: 'acme' },
				{ $unset: 'industry' },
			),
		]);
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
			group.deleteProperty({
				groupTypeIndex: 0,
				groupKey: '={{ $json.key }}',
				propertyName: '={{ $json.prop }}',
			}),
			{
				input: [
					{ json: { key: 'hooli', prop: 'is_customer' } },
					{ json: { key: 'umbrella', prop: 'plan' } },
				],
			},
		);

		expect(error).toBeUndefined();
		posthog.expectReceived(
			[
				api.group.deleteProperty(
					{ group_type_index: '0', group_key: 'hooli' },
					{ $unset: 'is_customer' },
				),
				api.group.deleteProperty(
					{ group_type_index: '0', group_key: 'umbrella' },
					{ $unset: 'plan' },
				),
			],
			{ itemOf: (request) => request.query.group_key },
		);
		expect(json.map((updated) => updated.group_key)).toEqual(['hooli', 'umbrella']);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(groupOf('hooli').group_properties).not.toHaveProperty('is_customer');
		expect(groupOf('umbrella').group_properties).not.toHaveProperty('plan');
		expect(groupOf('umbrella').group_properties).toEqual({
			name: 'Umbrella Corp',
			industry: 'Biotech',
			employees: 900,
		});
	});

	test('deleteProperty of a property the group does not have fails with PostHog’s 400 detail, and the description names `$unset`', async () => {
		const before = JSON.parse(JSON.stringify(groupOf('acme')));

		const { error } = await posthog.run(
			group.deleteProperty({ groupTypeIndex: 0, groupKey: 'acme', propertyName: 'x' }),
		);

		expect(failure(error)).toMatchObject({
			message: "Property 'x' does not exist on this group.",
			httpCode: '400',
		});
		expect(error.description).toMatch(/\$unset/);
		posthog.expectReceived([
			api.group.deleteProperty({ group_type_index: '0', group_key: 'acme' }, { $unset: 'x' }),
		]);
		expect(groupOf('acme')).toEqual(before);
	});

	test('deleteProperty on a group that does not exist fails with PostHog’s 404', async () => {
		const { error } = await posthog.run(
			group.deleteProperty({ groupTypeIndex: 1, groupKey: 'no-such-team', propertyName: 'name' }),
		);

		expect(failure(error)).toMatchObject({ message: 'Not found.', httpCode: '404' });
		posthog.expectReceived([
			api.group.deleteProperty(
				{ group_type_index: '1', group_key: 'no-such-team' },
				{ $unset: 'name' },
			),
		]);
	});

	test('deleteProperty with an empty group key is refused before any request', async () => {
		const { error } = await posthog.run(
			group.deleteProperty({ groupTypeIndex: 0, groupKey: '', propertyName: 'industry' }),
		);

		expect(error.message).toMatch(/Group Key/);
		posthog.expectReceived([]);
	});
});
