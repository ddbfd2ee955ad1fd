const { usePostHog } = require('../helpers/posthog');
const { group } = require('../helpers/operations');
const api = require('../helpers/api');

const posthog = usePostHog();

describe('group getPropertyValues', () => {
	test.each([
		['`{results}`', false],
		['a bare array (mid-2025 servers)', true],
	])(
		'getPropertyValues sends {group_type_index, key} and outputs one item {name, count} per value, most frequent first, from %s',
		async (_shape, bareArray) => {
			posthog.emulator.state.propertyValuesBareArray = bareArray;

			const { json, items, error } = await posthog.run(
				group.getPropertyValues({ groupTypeIndex: 0, propertyName: 'industry' }),
			);

			expect(error).toBeUndefined();
			posthog.expectReceived([
				api.group.propertyValues({ group_type_index: '0', key: 'industry' }),
			]);
			expect(json).toEqual([
				{ name: 'SaaS', count: 3 },
				{ name: 'Biotech', count: 1 },
				{ name: 'Manufacturing', count: 1 },
			]);
			expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
		},
	);

	test('getPropertyValues with no value on a bare-array server outputs no items, without error', async () => {
		posthog.emulator.state.propertyValuesBareArray = true;

		const { json, error } = await posthog.run(
			group.getPropertyValues({ groupTypeIndex: 0, propertyName: 'no_such_property' }),
		);

		expect(error).toBeUndefined();
		expect(json).toEqual([]);
	});

	test('getPropertyValues sends filters.value as `value` and outputs only the matching values', async () => {
		const { json, error } = await posthog.run(
			group.getPropertyValues({
				groupTypeIndex: 0,
				propertyName: 'industry',
				filters: { value: 'saa' },
			}),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			api.group.propertyValues({ group_type_index: '0', key: 'industry', value: 'saa' }),
		]);
		expect(json).toEqual([{ name: 'SaaS', count: 3 }]);
	});

	test('getPropertyValues sends the chosen group type index and reads only that type', async () => {
		const { json, error } = await posthog.run(
			group.getPropertyValues({ groupTypeIndex: 2, propertyName: 'plan' }),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([api.group.propertyValues({ group_type_index: '2', key: 'plan' })]);
		// type 0 also has `plan` (enterprise ×2): it must not appear
		expect(json).toEqual([
			{ name: 'free', count: 1 },
			{ name: 'pro', count: 1 },
		]);
	});

	test('getPropertyValues with several input items (name from an expression) pairs every output value to its input item', async () => {
		const { json, items, error } = await posthog.run(
			group.getPropertyValues({ groupTypeIndex: 1, propertyName: '={{ $json.property }}' }),
			{ input: [{ json: { property: 'company' } }, { json: { property: 'name' } }] },
		);

		expect(error).toBeUndefined();
		posthog.expectReceived(
			[
				api.group.propertyValues({ group_type_index: '1', key: 'company' }),
				api.group.propertyValues({ group_type_index: '1', key: 'name' }),
			],
			{ itemOf: (request) => request.query.key },
		);
		expect(json).toEqual([
			{ name: 'acme', count: 2 },
			{ name: 'globex', count: 1 },
			{ name: 'Growth', count: 1 },
			{ name: 'Operations', count: 1 },
			{ name: 'Platform', count: 1 },
		]);
		expect(items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 0 },
			{ item: 1 },
			{ item: 1 },
			{ item: 1 },
		]);
	});

	test('getPropertyValues with a group type outside 0–4 is refused before any request', async () => {
		const { error } = await posthog.run(
			group.getPropertyValues({ groupTypeIndex: 5, propertyName: 'industry' }),
		);

		expect(error.message).toMatch(/Group Type.*0 to 4/);
		posthog.expectReceived([]);
	});
});
