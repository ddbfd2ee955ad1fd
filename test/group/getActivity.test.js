const { usePostHog, failure } = require('../helpers/posthog');
const { group, properties } = require('../helpers/operations');
const api = require('../helpers/api');

const posthog = usePostHog();

const ACME_ID = '1'; // the seeded acme group's internal id, which activity entries point at

/** The activity page request: `page` of `limit` entries of the company `groupKey`. */
const activityPage = (page, limit, groupKey = 'acme') =>
	api.group.activity({
		group_type_index: '0',
		group_key: groupKey,
		page: String(page),
		limit: String(limit),
	});

/** Adds `count` activity entries for acme, one minute apart, all newer than the seed's. */
function addAcmeActivity(count) {
	const start = Date.parse('2025-02-01T00:00:00Z');
	for (let n = 0; n < count; n++) {
		posthog.emulator.state.activity.push({
			project_id: 1,
			id: `0193a1c0-0000-7000-8000-${String(n).padStart(12, '0')}`,
			user: { first_name: 'Ada', email: 'ada@example.com' },
			activity: 'update_property',
			scope: 'Group',
			item_id: ACME_ID,
			detail: {
				id: null,
				changes: [{ type: 'Group', action: 'changed', field: null, before: n, after: n + 1 }],
				merge: null,
				trigger: null,
				name: 'counter',
				short_id: null,
				type: null,
			},
			created_at: new Date(start + n * 60_000).toISOString().replace('.000Z', 'Z'),
		});
	}
}

/** acme's activity log as PostHog serves it: newest first, without the internal project_id. */
function acmeActivityNewestFirst() {
	return posthog.emulator.state.activity
		.filter((entry) => entry.project_id === 1 && entry.item_id === ACME_ID)
		.sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at))
		.map(({ project_id, ...entry }) => entry);
}

describe('group getActivity', () => {
	test('getActivity Return All walks page/limit pages until `next` is null and outputs every entry once, newest first', async () => {
		addAcmeActivity(230); // + 12 seeded = 242 entries: pages of 100, 100, 42
		const expected = acmeActivityNewestFirst();
		expect(expected).toHaveLength(242);

		const { json, items, error } = await posthog.run(
			group.getActivity({ groupTypeIndex: 0, groupKey: 'acme', returnAll: true }),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([activityPage(1, 100), activityPage(2, 100), activityPage(3, 100)]);
		expect(json).toEqual(expected);
		expect(new Set(json.map((entry) => entry.id)).size).toBe(242);
		expect(json[0]).toMatchObject({
			activity: 'update_property',
			scope: 'Group',
			item_id: ACME_ID,
			created_at: '2025-02-01T03:49:00Z',
		});
		expect(json[241]).toMatchObject({
			activity: 'create_group',
			created_at: '2024-11-05T10:00:01Z',
		});
		for (const item of items) expect(item.pairedItem).toEqual({ item: 0 });
	});

	test('getActivity Return All stops when `next` is null even if the last page is full (200 entries → 2 requests)', async () => {
		addAcmeActivity(188); // + 12 seeded = 200: page 2 is full and has next = null

		const { json, error } = await posthog.run(
			group.getActivity({ groupTypeIndex: 0, groupKey: 'acme', returnAll: true }),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([activityPage(1, 100), activityPage(2, 100)]);
		expect(json).toEqual(acmeActivityNewestFirst());
		expect(json).toHaveLength(200);
	});

	test('getActivity Return All on the 12 seeded entries needs one page', async () => {
		const { json, error } = await posthog.run(
			group.getActivity({ groupTypeIndex: 0, groupKey: 'acme', returnAll: true }),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([activityPage(1, 100)]);
		expect(json).toEqual(acmeActivityNewestFirst());
		expect(json).toHaveLength(12);
		expect(json[0].detail).toMatchObject({
			name: 'website',
			changes: [{ action: 'deleted', before: 'acme.com', after: null }],
		});
	});

	test('getActivity Limit 5 asks for one page of 5 and outputs the 5 newest entries', async () => {
		const { json, error } = await posthog.run(
			group.getActivity({ groupTypeIndex: 0, groupKey: 'acme', returnAll: false, limit: 5 }),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([activityPage(1, 5)]);
		expect(json).toEqual(acmeActivityNewestFirst().slice(0, 5));
	});

	test('getActivity Limit 150 fetches two pages and outputs exactly the 150 newest entries', async () => {
		addAcmeActivity(230);

		const { json, error } = await posthog.run(
			group.getActivity({ groupTypeIndex: 0, groupKey: 'acme', returnAll: false, limit: 150 }),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([activityPage(1, 100), activityPage(2, 100)]);
		expect(json).toEqual(acmeActivityNewestFirst().slice(0, 150));
	});

	test('getActivity shows a change made by updateProperty as the newest entry', async () => {
		posthog.emulator.now = () => new Date('2025-03-01T00:00:00Z');
		const update = await posthog.run(
			group.updateProperty({
				groupTypeIndex: 0,
				groupKey: 'acme',
				properties: properties({ employees: '130' }),
			}),
		);
		expect(update.error).toBeUndefined();
		posthog.emulator.requests.length = 0;

		const { json, error } = await posthog.run(
			group.getActivity({ groupTypeIndex: 0, groupKey: 'acme', returnAll: false, limit: 1 }),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([activityPage(1, 1)]);
		expect(json).toHaveLength(1);
		expect(json[0]).toMatchObject({
			activity: 'update_property',
			created_at: '2025-03-01T00:00:00Z',
			detail: { name: 'employees', changes: [{ action: 'changed', before: 120, after: 130 }] },
		});
	});

	test('getActivity with a key that has only group:read fails with 403 and a description naming activity_log:read', async () => {
		posthog.emulator.state.keys.phx_group_read_only = { scopes: ['group:read'] };

		const { error } = await posthog.run(
			group.getActivity({ groupTypeIndex: 0, groupKey: 'acme', returnAll: true }),
			{ credentials: posthog.credentials({ apiKey: 'phx_group_read_only' }) },
		);

		expect(failure(error)).toMatchObject({
			message: "API key missing required scope 'activity_log:read'",
			httpCode: '403',
		});
		expect(error.description).toMatch(/activity_log:read/);
		posthog.expectReceived([activityPage(1, 100)], { apiKey: 'phx_group_read_only' });
	});

	test('getActivity works with a key that has activity_log:read but not group:read', async () => {
		posthog.emulator.state.keys.phx_activity_only = { scopes: ['activity_log:read'] };

		const { json, error } = await posthog.run(
			group.getActivity({ groupTypeIndex: 0, groupKey: 'acme', returnAll: false, limit: 3 }),
			{ credentials: posthog.credentials({ apiKey: 'phx_activity_only' }) },
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([activityPage(1, 3)], { apiKey: 'phx_activity_only' });
		expect(json).toEqual(acmeActivityNewestFirst().slice(0, 3));
	});

	test('getActivity with several input items pairs every output entry to its input item', async () => {
		const { json, items, error } = await posthog.run(
			group.getActivity({
				groupTypeIndex: 0,
				groupKey: '={{ $json.key }}',
				returnAll: false,
				limit: 2,
			}),
			{ input: [{ json: { key: 'acme' } }, { json: { key: 'globex' } }] },
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([activityPage(1, 2, 'acme'), activityPage(1, 2, 'globex')], {
			itemOf: (request) => request.query.group_key,
		});
		expect(json).toHaveLength(4);
		expect(json.slice(0, 2)).toEqual(acmeActivityNewestFirst().slice(0, 2));
		expect(json.slice(2).map((entry) => entry.item_id)).toEqual(['2', '2']);
		expect(items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 0 },
			{ item: 1 },
			{ item: 1 },
		]);
	});

	test('getActivity for a group that does not exist fails with PostHog’s 404', async () => {
		const { error } = await posthog.run(
			group.getActivity({ groupTypeIndex: 0, groupKey: 'no-such-group', returnAll: true }),
		);

		expect(failure(error)).toMatchObject({ message: 'Not found.', httpCode: '404' });
		posthog.expectReceived([activityPage(1, 100, 'no-such-group')]);
	});
});
