const { usePostHog, failure } = require('../helpers/posthog');
const { group, properties } = require('../helpers/operations');
const api = require('../helpers/api');

const posthog = usePostHog();

/** One update_property request: set `key` to `value` on the company (type 0) `groupKey`. */
const update = (groupKey, key, value, groupTypeIndex = '0') =>
	api.group.updateProperty(
		{ group_type_index: groupTypeIndex, group_key: groupKey },
		{ key, value },
	);

const groupOf = (key, index = 0) =>
	posthog.emulator.state.groups.find(
		(g) => g.project_id === 1 && g.group_type_index === index && g.group_key === key,
	);

const snapshot = (value) => JSON.parse(JSON.stringify(value));

describe('group updateProperty', () => {
	test('updateProperty sends one POST per property, in order, each body exactly {key, value} with converted values, and outputs ONE item: the group as last returned', async () => {
		const { json, items, error } = await posthog.run(
			group.updateProperty({
				groupTypeIndex: 0,
				groupKey: 'acme',
				properties: properties({
					stage: 'customer',
					employees: '130',
					flags: '{"beta":true}',
					is_customer: 'true',
					zip: '007',
					regions: '["eu","us"]',
				}),
			}),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			update('acme', 'stage', 'customer'),
			update('acme', 'employees', 130),
			update('acme', 'flags', { beta: true }),
			update('acme', 'is_customer', true),
			update('acme', 'zip', '007'),
			update('acme', 'regions', ['eu', 'us']),
		]);

		const updated = {
			name: 'Acme',
			industry: 'SaaS',
			employees: 130,
			stage: 'customer',
			flags: { beta: true },
			is_customer: true,
			zip: '007',
			regions: ['eu', 'us'],
		};
		expect(json).toEqual([
			{
				group_type_index: 0,
				group_key: 'acme',
				group_properties: updated,
				created_at: '2024-11-05T10:00:00.123456Z',
			},
		]);
		expect(items).toHaveLength(1);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(groupOf('acme').group_properties).toEqual(updated);
	});

	test('updateProperty with one property sends one request and outputs the updated group', async () => {
		const { json, error } = await posthog.run(
			group.updateProperty({
				groupTypeIndex: 2,
				groupKey: 'acct_001',
				properties: properties({ mrr: '999.5' }),
			}),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([update('acct_001', 'mrr', 999.5, '2')]);
		expect(json).toEqual([
			{
				group_type_index: 2,
				group_key: 'acct_001',
				group_properties: { plan: 'pro', mrr: 999.5, company: 'acme' },
				created_at: '2024-11-11T12:00:00Z',
			},
		]);
		expect(groupOf('acct_001', 2).group_properties.mrr).toBe(999.5);
	});

	test('updateProperty with zero properties fails before any request', async () => {
		const before = snapshot(groupOf('acme'));

		const { error } = await posthog.run(
			group.updateProperty({ groupTypeIndex: 0, groupKey: 'acme', properties: {} }),
		);

		expect(error.message).toMatch(/Properties/);
		posthog.expectReceived([]);
		expect(groupOf('acme')).toEqual(before);
	});

	test('updateProperty refuses a value that looks like JSON but does not parse before sending ANY property', async () => {
		const before = snapshot(groupOf('acme'));

		const { error } = await posthog.run(
			group.updateProperty({
				groupTypeIndex: 0,
				groupKey: 'acme',
				properties: properties({ stage: 'customer', meta: '{"broken' }),
			}),
		);

		expect(error.message).toMatch(/^Properties:.*"meta".*does not parse/);
		posthog.expectReceived([]);
		expect(groupOf('acme')).toEqual(before);
	});

	test('updateProperty with several input items sends each item’s requests and pairs each output to its input', async () => {
		const { json, items, error } = await posthog.run(
			group.updateProperty({
				groupTypeIndex: 0,
				groupKey: '={{ $json.key }}',
				properties: properties({ stage: '={{ $json.stage }}', seats: '={{ $json.seats }}' }),
			}),
			{
				input: [
					{ json: { key: 'acme', stage: 'customer', seats: '25' } },
					{ json: { key: 'globex', stage: 'trial', seats: '3' } },
				],
			},
		);

		expect(error).toBeUndefined();
		// items may run concurrently: each item's own requests, in order
		posthog.expectReceived(
			[
				update('acme', 'stage', 'customer'),
				update('acme', 'seats', 25),
				update('globex', 'stage', 'trial'),
				update('globex', 'seats', 3),
			],
			{ itemOf: (request) => request.query.group_key },
		);

		expect(items).toHaveLength(2);
		expect(json.map((updated) => updated.group_key)).toEqual(['acme', 'globex']);
		expect(json[0].group_properties).toMatchObject({ stage: 'customer', seats: 25 });
		expect(json[1].group_properties).toMatchObject({ stage: 'trial', seats: 3 });
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(groupOf('acme').group_properties).toMatchObject({ stage: 'customer', seats: 25 });
		expect(groupOf('globex').group_properties).toMatchObject({ stage: 'trial', seats: 3 });
	});

	test('updateProperty on a group that does not exist fails with PostHog’s 404 after the first request', async () => {
		const { error } = await posthog.run(
			group.updateProperty({
				groupTypeIndex: 0,
				groupKey: 'no-such-group',
				properties: properties({ a: '1', b: '2' }),
			}),
		);

		expect(failure(error)).toMatchObject({ message: 'Not found.', httpCode: '404' });
		posthog.expectReceived([update('no-such-group', 'a', 1)]);
	});

	test('updateProperty with a group type outside 0–4 is refused before any request', async () => {
		const { error } = await posthog.run(
			group.updateProperty({
				groupTypeIndex: -1,
				groupKey: 'acme',
				properties: properties({ a: 'b' }),
			}),
		);

		expect(error.message).toMatch(/Group Type.*0 to 4/);
		posthog.expectReceived([]);
	});
});
