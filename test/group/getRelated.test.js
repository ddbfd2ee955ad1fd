const { usePostHog, SEED } = require('../helpers/posthog');
const { group } = require('../helpers/operations');
const api = require('../helpers/api');

const posthog = usePostHog();

const actorIds = (json) => json.map((actor) => [actor.type, actor.id]);

describe('group getRelated', () => {
	test('getRelated to a group sends {id: groupKey, group_type_index} and outputs one item per related actor', async () => {
		const { json, items, error } = await posthog.run(
			group.getRelated({ relatedTo: 'group', groupTypeIndex: 0, groupKey: 'acme' }),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([api.group.related({ id: 'acme', group_type_index: '0' })]);
		expect(actorIds(json)).toEqual([
			['person', SEED.personIds.maria],
			['person', SEED.personIds.tom],
			['group', 'acme-growth'],
			['group', 'acme-platform'],
			['group', 'acct_001'],
		]);
		expect(json[0]).toEqual({
			type: 'person',
			id: SEED.personIds.maria,
			uuid: SEED.personIds.maria,
			name: 'maria@acme.com',
			distinct_ids: ['maria@acme.com', 'anon-1f2e'],
			is_identified: true,
			properties: { email: 'maria@acme.com', name: 'Maria Garcia' },
			created_at: '2024-11-05T10:02:00Z',
			last_seen_at: '2025-01-20T08:00:00Z',
			matched_recordings: [],
			value_at_data_point: null,
		});
		expect(json[4]).toEqual({
			type: 'group',
			id: 'acct_001',
			group_key: 'acct_001',
			group_type_index: 2,
			created_at: '2024-11-11T12:00:00Z',
			properties: { plan: 'pro', mrr: 499, company: 'acme' },
			matched_recordings: [],
			value_at_data_point: null,
		});
		expect(items.map((item) => item.pairedItem)).toEqual(json.map(() => ({ item: 0 })));
	});

	test('getRelated to a group of another type sends that index', async () => {
		const { json, error } = await posthog.run(
			group.getRelated({ relatedTo: 'group', groupTypeIndex: 1, groupKey: 'globex-ops' }),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([api.group.related({ id: 'globex-ops', group_type_index: '1' })]);
		expect(actorIds(json)).toEqual([
			['person', SEED.personIds.li],
			['group', 'globex'],
		]);
	});

	test('getRelated to a person sends {id: uuid} with NO group_type_index and outputs the related groups', async () => {
		const { json, error } = await posthog.run(
			group.getRelated({
				relatedTo: 'person',
				personId: SEED.personIds.maria,
				// stored in the workflow, but hidden for a person: must not be sent
				groupTypeIndex: 0,
				groupKey: 'acme',
			}),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([api.group.related({ id: SEED.personIds.maria })]);
		expect(json.map((actor) => [actor.type, actor.group_type_index, actor.group_key])).toEqual([
			['group', 0, 'acme'],
			['group', 1, 'acme-growth'],
			['group', 2, 'acct_001'],
		]);
	});

	test('getRelated with several input items (person UUID from an expression) pairs every output actor to its input item', async () => {
		const { json, items, error } = await posthog.run(
			group.getRelated({ relatedTo: 'person', personId: '={{ $json.person }}' }),
			{
				input: [
					{ json: { person: SEED.personIds.li } },
					{ json: { person: SEED.personIds.anonymous } },
				],
			},
		);

		expect(error).toBeUndefined();
		posthog.expectReceived(
			[
				api.group.related({ id: SEED.personIds.li }),
				api.group.related({ id: SEED.personIds.anonymous }),
			],
			{ itemOf: (request) => request.query.id },
		);
		expect(json.map((actor) => actor.group_key)).toEqual([
			'globex',
			'globex-ops',
			'initech',
			'acct_002',
		]);
		expect(items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 0 },
			{ item: 1 },
			{ item: 1 },
		]);
	});

	test('getRelated to a person refuses an ID that is not a UUID before any request', async () => {
		const { error } = await posthog.run(
			group.getRelated({ relatedTo: 'person', personId: 'maria@acme.com' }),
		);

		expect(error.message).toMatch(/^Person ID:.*not a person UUID/);
		posthog.expectReceived([]);
	});

	test('getRelated to a group refuses a group type outside 0–4 before any request', async () => {
		const { error } = await posthog.run(
			group.getRelated({ relatedTo: 'group', groupTypeIndex: 5, groupKey: 'acme' }),
		);

		expect(error.message).toMatch(/Group Type.*0 to 4/);
		posthog.expectReceived([]);
	});
});
