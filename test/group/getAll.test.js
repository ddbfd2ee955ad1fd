const { usePostHog, seedGroups } = require('../helpers/posthog');
const { group } = require('../helpers/operations');
const api = require('../helpers/api');

const posthog = usePostHog();

// The five companies of the default seed, in PostHog's order: newest first (created_at DESC,
// then group_key DESC: umbrella and hooli share a created_at). docs/posthog-api-part2.md §1.1
const SEEDED_COMPANIES = ['umbrella', 'hooli', 'initech', 'globex', 'acme'];

/** `${prefix}-${from}` down to `${prefix}-${to}`: groups seedGroups added, newest first. */
const newestFirst = (prefix, from, to) =>
	Array.from({ length: from - to + 1 }, (_, i) => `${prefix}-${from - i}`);

const listPage = (query) => api.group.list({ group_type_index: '0', ...query });

/**
 * The `cursor` of the `next` link PostHog gives for a page, read straight from the emulator
 * (that read is left out of what PostHog received).
 */
async function nextCursorOf(query) {
	const received = posthog.emulator.requests.length;
	const url = `${posthog.emulator.url}${listPage().path}?${new URLSearchParams(query)}`;
	const response = await fetch(url, {
		headers: { Authorization: `Bearer ${posthog.emulator.apiKey}` },
	});
	const page = await response.json();
	posthog.emulator.requests.length = received;
	return page.next ? new URL(page.next).searchParams.get('cursor') : null;
}

/** The `k` (group key) inside PostHog's opaque cursor: base64url JSON `{"c": µs, "k": key}`. */
function keyInCursor(cursor) {
	const json = Buffer.from(cursor.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
	return JSON.parse(json.toString('utf8')).k;
}

function fakeGroup(key) {
	return {
		group_type_index: 0,
		group_key: key,
		group_properties: { name: key },
		created_at: '2025-01-01T00:00:00Z',
	};
}

describe('group getAll', () => {
	test('getAll Return All follows the cursor from `next` over 3 pages and outputs every group once, in order', async () => {
		seedGroups(posthog.emulator.state, {
			projectId: 1,
			groupTypeIndex: 0,
			count: 250,
			prefix: 'bulk',
		});

		const { json, items, error } = await posthog.run(
			group.getAll({ groupTypeIndex: 0, returnAll: true }),
		);

		expect(error).toBeUndefined();
		// the cursors PostHog put in `next` of page 1 and page 2
		const cursor2 = await nextCursorOf({ group_type_index: '0' });
		const cursor3 = await nextCursorOf({ group_type_index: '0', cursor: cursor2 });
		expect(keyInCursor(cursor2)).toBe('bulk-150');
		expect(keyInCursor(cursor3)).toBe('bulk-50');
		posthog.expectReceived([
			listPage(),
			listPage({ cursor: cursor2 }),
			listPage({ cursor: cursor3 }),
		]);

		// the 250 new groups are newer than the seeded companies
		const expectedKeys = [...newestFirst('bulk', 249, 0), ...SEEDED_COMPANIES];
		expect(json).toHaveLength(255);
		expect(json.map((listed) => listed.group_key)).toEqual(expectedKeys);
		expect(new Set(json.map((listed) => listed.group_key)).size).toBe(255);
		expect(json[0]).toMatchObject({
			group_type_index: 0,
			group_key: 'bulk-249',
			group_properties: { name: 'bulk 249' },
		});
		expect(json[254]).toEqual({
			group_type_index: 0,
			group_key: 'acme',
			group_properties: { name: 'Acme', industry: 'SaaS', employees: 120 },
			created_at: '2024-11-05T10:00:00.123456Z',
		});
		for (const item of items) expect(item.pairedItem).toEqual({ item: 0 });
	});

	test('getAll Return All with a single page sends one request and outputs the five seeded companies', async () => {
		const { json, error } = await posthog.run(group.getAll({ groupTypeIndex: 0, returnAll: true }));

		expect(error).toBeUndefined();
		posthog.expectReceived([listPage()]);
		expect(json.map((listed) => listed.group_key)).toEqual(SEEDED_COMPANIES);
		expect(json.every((listed) => listed.group_type_index === 0)).toBe(true);
	});

	test('getAll sends the chosen group type index and lists only that type', async () => {
		const { json, error } = await posthog.run(group.getAll({ groupTypeIndex: 1, returnAll: true }));

		expect(error).toBeUndefined();
		posthog.expectReceived([api.group.list({ group_type_index: '1' })]);
		expect(json.map((listed) => [listed.group_type_index, listed.group_key])).toEqual([
			[1, 'globex-ops'],
			[1, 'acme-platform'],
			[1, 'acme-growth'],
		]);
	});

	test('getAll Limit 120 stops after 2 pages and outputs exactly the first 120 groups (the newest)', async () => {
		seedGroups(posthog.emulator.state, {
			projectId: 1,
			groupTypeIndex: 0,
			count: 250,
			prefix: 'bulk',
		});

		const { json, error } = await posthog.run(
			group.getAll({ groupTypeIndex: 0, returnAll: false, limit: 120 }),
		);

		expect(error).toBeUndefined();
		const cursor2 = await nextCursorOf({ group_type_index: '0' });
		// groups/ takes no limit: the node must not send one
		posthog.expectReceived([listPage(), listPage({ cursor: cursor2 })]);
		expect(json).toHaveLength(120);
		expect(json.map((listed) => listed.group_key)).toEqual(newestFirst('bulk', 249, 130));
	});

	test('getAll Limit 5 sends one request and outputs the first 5 groups (the newest)', async () => {
		seedGroups(posthog.emulator.state, {
			projectId: 1,
			groupTypeIndex: 0,
			count: 250,
			prefix: 'bulk',
		});

		const { json, error } = await posthog.run(
			group.getAll({ groupTypeIndex: 0, returnAll: false, limit: 5 }),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([listPage()]);
		expect(json.map((listed) => listed.group_key)).toEqual(newestFirst('bulk', 249, 245));
	});

	test('getAll filters.search is sent as `search` and outputs only the matching groups', async () => {
		const { json, error } = await posthog.run(
			group.getAll({ groupTypeIndex: 0, returnAll: true, filters: { search: 'saas' } }),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([listPage({ search: 'saas' })]);
		expect(json.map((listed) => listed.group_key)).toEqual(['hooli', 'initech', 'acme']);
	});

	test('getAll keeps sending `search` on every page alongside the cursor', async () => {
		seedGroups(posthog.emulator.state, {
			projectId: 1,
			groupTypeIndex: 0,
			count: 150,
			prefix: 'gold',
			properties: { tier: 'gold' },
		});

		const { json, error } = await posthog.run(
			group.getAll({ groupTypeIndex: 0, returnAll: true, filters: { search: 'gold' } }),
		);

		expect(error).toBeUndefined();
		const cursor2 = await nextCursorOf({ group_type_index: '0', search: 'gold' });
		expect(keyInCursor(cursor2)).toBe('gold-50');
		posthog.expectReceived([
			listPage({ search: 'gold' }),
			listPage({ search: 'gold', cursor: cursor2 }),
		]);
		expect(json.map((listed) => listed.group_key)).toEqual(newestFirst('gold', 149, 0));
	});

	test('getAll reads the cursor out of `next` even when `next` carries another host (proxy)', async () => {
		const pages = {
			'': {
				next: 'https://internal-proxy.invalid:8443/api/projects/1/groups/?group_type_index=0&cursor=Q1VSU09SLTI%3D',
				results: [fakeGroup('a')],
			},
			'Q1VSU09SLTI=': { next: null, results: [fakeGroup('b')] },
		};
		posthog.emulator.override = (_req, record) =>
			record.path === listPage().path
				? { status: 200, body: { previous: null, ...pages[record.query.cursor ?? ''] } }
				: undefined;

		const { json, error } = await posthog.run(group.getAll({ groupTypeIndex: 0, returnAll: true }));

		expect(error).toBeUndefined();
		// both requests reached the emulator (not the host in `next`), the 2nd with the decoded cursor
		posthog.expectReceived([listPage(), listPage({ cursor: 'Q1VSU09SLTI=' })]);
		expect(json.map((listed) => listed.group_key)).toEqual(['a', 'b']);
	});

	describe('a repeating cursor (PostHog serves page 1 again for a cursor it does not understand)', () => {
		const STUCK = 'eyJjIjogMTczNTY4OTYwMDAwMDAwMCwgImsiOiAiYyJ9';
		const stuckPage = () => ({
			status: 200,
			body: {
				next: `${posthog.emulator.url}${listPage().path}?group_type_index=0&cursor=${STUCK}`,
				previous: null,
				results: ['a', 'b', 'c'].map(fakeGroup),
			},
		});

		test('getAll stops when `next` gives back the cursor it just sent (request count bounded)', async () => {
			posthog.emulator.override = (_req, record) =>
				record.path === listPage().path ? stuckPage() : undefined;

			const { error } = await posthog.run(group.getAll({ groupTypeIndex: 0, returnAll: true }));

			expect(error).toBeUndefined();
			// the repeat may be seen in `next` (1 request) or in the answer to it (2)
			const count = posthog.requests().length;
			expect(count).toBeGreaterThanOrEqual(1);
			expect(count).toBeLessThanOrEqual(2);
			posthog.expectReceived([listPage(), listPage({ cursor: STUCK })].slice(0, count));
		});

		test('getAll outputs no group twice when `next` gives back the cursor it just sent', async () => {
			posthog.emulator.override = (_req, record) =>
				record.path === listPage().path ? stuckPage() : undefined;

			const { json, error } = await posthog.run(
				group.getAll({ groupTypeIndex: 0, returnAll: true }),
			);

			expect(error).toBeUndefined();
			expect(json.map((listed) => listed.group_key)).toEqual(['a', 'b', 'c']);
		});

		// page 1 → cursor P2 → page 2 → cursor P3, which PostHog does not understand, so it serves
		// page 1 again with `next` = P2: the loop must end there.
		const P2 = 'eyJjIjogMSwgImsiOiAiYiJ9';
		const P3 = 'eyJjIjogMiwgImsiOiAiZCJ9';
		const loopingPages = (_req, record) => {
			if (record.path !== listPage().path) return undefined;
			const nextLink = (cursor) =>
				`${posthog.emulator.url}${listPage().path}?group_type_index=0&cursor=${cursor}`;
			const page =
				record.query.cursor === P2
					? { next: nextLink(P3), results: ['c', 'd'].map(fakeGroup) }
					: { next: nextLink(P2), results: ['a', 'b'].map(fakeGroup) };
			return { status: 200, body: { previous: null, ...page } };
		};

		test('getAll stops when a cursor repeats after two pages (request count bounded)', async () => {
			posthog.emulator.override = loopingPages;

			const { error } = await posthog.run(group.getAll({ groupTypeIndex: 0, returnAll: true }));

			expect(error).toBeUndefined();
			const count = posthog.requests().length;
			expect(count).toBeGreaterThanOrEqual(2);
			expect(count).toBeLessThanOrEqual(3);
			posthog.expectReceived(
				[listPage(), listPage({ cursor: P2 }), listPage({ cursor: P3 })].slice(0, count),
			);
		});

		test('getAll outputs no group twice when a cursor repeats after two pages', async () => {
			posthog.emulator.override = loopingPages;

			const { json, error } = await posthog.run(
				group.getAll({ groupTypeIndex: 0, returnAll: true }),
			);

			expect(error).toBeUndefined();
			expect(json.map((listed) => listed.group_key)).toEqual(['a', 'b', 'c', 'd']);
		});
	});

	test('getAll with several input items lists each item’s group type and pairs every output group to its input item', async () => {
		const { json, items, error } = await posthog.run(
			group.getAll({ groupTypeIndex: '={{ $json.type }}', returnAll: true }),
			{ input: [{ json: { type: 1 } }, { json: { type: 2 } }] },
		);

		expect(error).toBeUndefined();
		posthog.expectReceived(
			[api.group.list({ group_type_index: '1' }), api.group.list({ group_type_index: '2' })],
			{ itemOf: (request) => request.query.group_type_index },
		);
		expect(json.map((listed) => listed.group_key)).toEqual([
			'globex-ops',
			'acme-platform',
			'acme-growth',
			'acct_002',
			'acct_001',
		]);
		expect(items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 0 },
			{ item: 0 },
			{ item: 1 },
			{ item: 1 },
		]);
	});

	test('getAll with a group type outside 0–4 is refused before any request', async () => {
		const { error } = await posthog.run(group.getAll({ groupTypeIndex: 5, returnAll: true }));

		expect(error.message).toMatch(/Group Type.*0 to 4/);
		posthog.expectReceived([]);
	});
});
