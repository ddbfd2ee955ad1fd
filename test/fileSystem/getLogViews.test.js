const { usePostHog, failure } = require('../helpers/posthog');
const { fileSystem } = require('../helpers/operations');
const api = require('../helpers/api');

const posthog = usePostHog();

// The seeded views of project 1, newest first (test/emulator/seed.js).
const SEEDED_VIEWS = [
	{ type: 'insight', ref: 'aB3dE5fG', viewed_at: '2025-01-20T09:15:00Z' },
	{ type: 'dashboard', ref: '7', viewed_at: '2025-01-19T17:40:00Z' },
	{ type: 'insight', ref: 'hJ7kL9mN', viewed_at: '2025-01-18T08:05:00.250000Z' },
	{ type: 'notebook', ref: 'nB4vC6xZ', viewed_at: '2025-01-16T12:00:00Z' },
	{ type: 'feature_flag', ref: '12', viewed_at: '2025-01-15T13:00:00Z' },
];

describe('fileSystem getLogViews', () => {
	test('getLogViews: Return All sends GET log_view/ with no limit and no body, and outputs one item per view, newest first', async () => {
		const { json, items, error } = await posthog.run(fileSystem.getLogViews({ returnAll: true }));

		expect(error).toBeUndefined();
		posthog.expectReceived([api.fileSystem.logViews()]);
		expect(json).toEqual(SEEDED_VIEWS);
		expect(items.map((item) => item.pairedItem)).toEqual(SEEDED_VIEWS.map(() => ({ item: 0 })));
	});

	test('getLogViews: Limit is sent as ?limit=N and the output has N items', async () => {
		const { json, error } = await posthog.run(
			fileSystem.getLogViews({ returnAll: false, limit: 2 }),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([api.fileSystem.logViews({ limit: '2' })]);
		expect(json).toEqual(SEEDED_VIEWS.slice(0, 2));
	});

	test('getLogViews: without Return All the default limit of 50 is sent', async () => {
		const { json, error } = await posthog.run(fileSystem.getLogViews({ returnAll: false }));

		expect(error).toBeUndefined();
		posthog.expectReceived([api.fileSystem.logViews({ limit: '50' })]);
		expect(json).toEqual(SEEDED_VIEWS);
	});

	test('getLogViews: Return All returns more than 50 views when PostHog has them (no limit sent)', async () => {
		for (let i = 0; i < 60; i++) {
			posthog.emulator.state.logViews.push({
				project_id: 1,
				type: 'insight',
				ref: `bulk${String(i).padStart(4, '0')}`,
				viewed_at: new Date(Date.UTC(2024, 0, 1, 0, i)).toISOString(),
			});
		}
		const { json, error } = await posthog.run(fileSystem.getLogViews({ returnAll: true }));

		expect(error).toBeUndefined();
		posthog.expectReceived([api.fileSystem.logViews()]);
		expect(json).toHaveLength(65);
	});

	test('getLogViews: the output is capped at Limit even if PostHog answers with more views', async () => {
		// a PostHog that ignores ?limit= (the node must still honour the user's Limit)
		posthog.emulator.override = () => ({ status: 200, body: SEEDED_VIEWS });
		const { json, error } = await posthog.run(
			fileSystem.getLogViews({ returnAll: false, limit: 3 }),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([api.fileSystem.logViews({ limit: '3' })]);
		expect(json).toEqual(SEEDED_VIEWS.slice(0, 3));
	});

	test('getLogViews: filters.type is sent as ?type= and only views of that type are output', async () => {
		const { json, error } = await posthog.run(
			fileSystem.getLogViews({ returnAll: true, filters: { type: 'insight' } }),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([api.fileSystem.logViews({ type: 'insight' })]);
		expect(json).toEqual([SEEDED_VIEWS[0], SEEDED_VIEWS[2]]);
	});

	test('getLogViews: filters.type and Limit are sent together', async () => {
		const { json, error } = await posthog.run(
			fileSystem.getLogViews({ returnAll: false, limit: 1, filters: { type: 'insight' } }),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([api.fileSystem.logViews({ type: 'insight', limit: '1' })]);
		expect(json).toEqual([SEEDED_VIEWS[0]]);
	});

	test('getLogViews: a type nobody viewed gives no output items', async () => {
		const { json, error } = await posthog.run(
			fileSystem.getLogViews({ returnAll: true, filters: { type: 'cohort' } }),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([api.fileSystem.logViews({ type: 'cohort' })]);
		expect(json).toEqual([]);
	});

	test('getLogViews: two input items send two requests, and each view is paired to its input item', async () => {
		const { items, error } = await posthog.run(
			fileSystem.getLogViews({ returnAll: false, limit: 1 }),
			{ input: [{ json: {} }, { json: {} }] },
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			api.fileSystem.logViews({ limit: '1' }),
			api.fileSystem.logViews({ limit: '1' }),
		]);
		expect(items.map((item) => [item.json, item.pairedItem])).toEqual([
			[SEEDED_VIEWS[0], { item: 0 }],
			[SEEDED_VIEWS[0], { item: 1 }],
		]);
	});

	test('getLogViews: a key with only file_system:read gets PostHog’s 403, and the error names the scope file_system:write', async () => {
		posthog.emulator.state.keys.phx_ro = { scopes: ['file_system:read'] };
		const { json, error } = await posthog.run(fileSystem.getLogViews({ returnAll: true }), {
			credentials: posthog.credentials({ apiKey: 'phx_ro' }),
		});

		posthog.expectReceived([api.fileSystem.logViews()], { apiKey: 'phx_ro' });
		expect(json).toEqual([]);
		expect(failure(error)).toMatchObject({
			message: "API key missing required scope 'file_system:write'",
			httpCode: '403',
		});
		expect(error.description).toContain('file_system:write');
	});
});
