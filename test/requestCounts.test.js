// Request counts at scale: the node sends what the operation needs and nothing more. A project
// given by URL costs no request; an insight URL's look-up (once per execution) is in
// lookups.test.js. Timings are measured by `npm run bench` (BENCHMARKS.md), never asserted here.
const { usePostHog, locator, seedGroups } = require('./helpers/posthog');
const { group, properties } = require('./helpers/operations');

const posthog = usePostHog();

const items = (count, json = (i) => ({ key: `rc-${i}` })) =>
	Array.from({ length: count }, (_, i) => ({ json: json(i) }));

/** `{ 'GET /api/…': n, … }` of what the emulator received. */
function countByRoute() {
	const counts = {};
	for (const { method, path } of posthog.requests())
		counts[`${method} ${path}`] = (counts[`${method} ${path}`] ?? 0) + 1;
	return counts;
}

describe('request counts', () => {
	test('1,000 items of group find → exactly 1,000 requests, all to groups/find/, one output per item', async () => {
		seedGroups(posthog.emulator.state, {
			projectId: 1,
			groupTypeIndex: 0,
			count: 1000,
			prefix: 'rc',
		});

		const { json, error } = await posthog.run(
			group.find({ groupTypeIndex: 0, groupKey: '={{ $json.key }}' }),
			{ input: items(1000) },
		);

		expect(error).toBeUndefined();
		expect(countByRoute()).toEqual({ 'GET /api/projects/1/groups/find/': 1000 });
		expect(json).toHaveLength(1000);
		expect(new Set(posthog.requests().map((r) => r.query.group_key)).size).toBe(1000);
	});

	test('a project given by URL costs no request: 100 items → 100 requests', async () => {
		seedGroups(posthog.emulator.state, {
			projectId: 1,
			groupTypeIndex: 0,
			count: 100,
			prefix: 'rc',
		});

		const { error } = await posthog.run(
			group.find({
				projectId: locator('url', 'https://us.posthog.com/project/1/insights'),
				groupTypeIndex: 0,
				groupKey: '={{ $json.key }}',
			}),
			{ input: items(100) },
		);

		expect(error).toBeUndefined();
		expect(countByRoute()).toEqual({ 'GET /api/projects/1/groups/find/': 100 });
	});

	test('updateProperty: 200 items × 3 properties → exactly 600 POSTs, one output per item', async () => {
		seedGroups(posthog.emulator.state, {
			projectId: 1,
			groupTypeIndex: 0,
			count: 200,
			prefix: 'rc',
		});

		const { json, error } = await posthog.run(
			group.updateProperty({
				groupTypeIndex: 0,
				groupKey: '={{ $json.key }}',
				properties: properties({ stage: 'customer', employees: '130', flags: '{"beta":true}' }),
			}),
			{ input: items(200) },
		);

		expect(error).toBeUndefined();
		expect(countByRoute()).toEqual({ 'POST /api/projects/1/groups/update_property/': 600 });
		expect(json).toHaveLength(200);
	});

	test('group getAll Return All over 2,005 groups → 21 pages (100 a page), each group output once', async () => {
		seedGroups(posthog.emulator.state, {
			projectId: 1,
			groupTypeIndex: 0,
			count: 2000,
			prefix: 'rc',
		});

		const { json, error } = await posthog.run(group.getAll({ groupTypeIndex: 0, returnAll: true }));

		expect(error).toBeUndefined();
		expect(countByRoute()).toEqual({ 'GET /api/projects/1/groups/': 21 });
		expect(json).toHaveLength(2005); // the 2,000 seeded and the emulator's 5 default companies
		expect(new Set(json.map((group) => group.group_key)).size).toBe(2005);
	});

	test('group getAll with a limit of 150 → 2 pages, not every page', async () => {
		seedGroups(posthog.emulator.state, {
			projectId: 1,
			groupTypeIndex: 0,
			count: 2000,
			prefix: 'rc',
		});

		const { json, error } = await posthog.run(
			group.getAll({ groupTypeIndex: 0, returnAll: false, limit: 150 }),
		);

		expect(error).toBeUndefined();
		expect(countByRoute()).toEqual({ 'GET /api/projects/1/groups/': 2 });
		expect(json).toHaveLength(150);
	});
});
