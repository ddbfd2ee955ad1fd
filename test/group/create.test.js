const { usePostHog, failure } = require('../helpers/posthog');
const { group, properties } = require('../helpers/operations');
const api = require('../helpers/api');

const posthog = usePostHog();

const NOW = '2025-03-01T12:34:56Z';

const groupsWithKey = (key, index = 0) =>
	posthog.emulator.state.groups.filter(
		(g) => g.project_id === 1 && g.group_type_index === index && g.group_key === key,
	);

describe('group create', () => {
	beforeEach(() => {
		posthog.emulator.now = () => new Date(NOW);
	});

	test('create sends POST groups/ with exactly {group_type_index, group_key, group_properties}, JSON text converted, and outputs the new group', async () => {
		const { json, items, error } = await posthog.run(
			group.create({
				groupTypeIndex: 0,
				groupKey: 'new-co',
				properties: properties({
					employees: '120',
					is_customer: 'true',
					churned: 'false',
					address: '{"a":1}',
					tags: '["b2b", 2]',
					score: '-3.5',
					zip: '007',
					name: 'New Co',
					note: 'null',
				}),
			}),
		);

		expect(error).toBeUndefined();
		const groupProperties = {
			employees: 120,
			is_customer: true,
			churned: false,
			address: { a: 1 },
			tags: ['b2b', 2],
			score: -3.5,
			zip: '007',
			name: 'New Co',
			note: 'null',
		};
		posthog.expectReceived([
			api.group.create({
				group_type_index: 0,
				group_key: 'new-co',
				group_properties: groupProperties,
			}),
		]);
		expect(json).toEqual([
			{
				group_type_index: 0,
				group_key: 'new-co',
				group_properties: groupProperties,
				created_at: NOW,
			},
		]);
		expect(items[0].pairedItem).toEqual({ item: 0 });

		const created = groupsWithKey('new-co');
		expect(created).toHaveLength(1);
		expect(created[0].group_properties).toEqual(groupProperties);
	});

	test('create with no properties sends group_properties {}', async () => {
		const { json, error } = await posthog.run(
			group.create({ groupTypeIndex: 2, groupKey: 'acct_003', properties: {} }),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			api.group.create({ group_type_index: 2, group_key: 'acct_003', group_properties: {} }),
		]);
		expect(json).toEqual([
			{ group_type_index: 2, group_key: 'acct_003', group_properties: {}, created_at: NOW },
		]);
		expect(groupsWithKey('acct_003', 2)).toHaveLength(1);
	});

	test('create takes the key and values from expressions, one request per input item, outputs paired to inputs', async () => {
		const { json, items, error } = await posthog.run(
			group.create({
				groupTypeIndex: 1,
				groupKey: '={{ $json.key }}',
				properties: properties({ size: '={{ $json.size }}' }),
			}),
			{ input: [{ json: { key: 'team-a', size: 4 } }, { json: { key: 'team-b', size: 'large' } }] },
		);

		expect(error).toBeUndefined();
		posthog.expectReceived(
			[
				api.group.create({
					group_type_index: 1,
					group_key: 'team-a',
					group_properties: { size: 4 },
				}),
				api.group.create({
					group_type_index: 1,
					group_key: 'team-b',
					group_properties: { size: 'large' },
				}),
			],
			{ itemOf: (request) => request.body.group_key },
		);
		expect(json.map((created) => created.group_key)).toEqual(['team-a', 'team-b']);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(groupsWithKey('team-a', 1)).toHaveLength(1);
		expect(groupsWithKey('team-b', 1)).toHaveLength(1);
	});

	test('create with a key that already exists fails with PostHog’s 400 detail as the message', async () => {
		const before = JSON.parse(JSON.stringify(groupsWithKey('acme')));

		const { error, json } = await posthog.run(
			group.create({
				groupTypeIndex: 0,
				groupKey: 'acme',
				properties: properties({ name: 'Acme Two' }),
			}),
		);

		expect(json).toEqual([]);
		expect(failure(error)).toMatchObject({
			message: 'A group with this key already exists',
			httpCode: '400',
		});
		posthog.expectReceived([
			api.group.create({
				group_type_index: 0,
				group_key: 'acme',
				group_properties: { name: 'Acme Two' },
			}),
		]);
		// the existing group is untouched
		expect(groupsWithKey('acme')).toEqual(before);
	});

	test('create refuses a property value that looks like JSON but does not parse, before any request', async () => {
		const groupCount = posthog.emulator.state.groups.length;

		const { error } = await posthog.run(
			group.create({
				groupTypeIndex: 0,
				groupKey: 'broken-co',
				properties: properties({ name: 'Broken Co', meta: '{"broken' }),
			}),
		);

		expect(error.message).toMatch(/^Properties:.*"meta".*does not parse/);
		posthog.expectReceived([]);
		expect(posthog.emulator.state.groups).toHaveLength(groupCount);
	});

	test('create refuses an empty group key before any request', async () => {
		const { error } = await posthog.run(
			group.create({ groupTypeIndex: 0, groupKey: '   ', properties: {} }),
		);

		expect(error.message).toMatch(/Group Key/);
		posthog.expectReceived([]);
	});

	test('create with a group type outside 0–4 is refused before any request', async () => {
		const { error } = await posthog.run(
			group.create({ groupTypeIndex: 9, groupKey: 'x', properties: {} }),
		);

		expect(error.message).toMatch(/Group Type.*0 to 4/);
		posthog.expectReceived([]);
	});
});
