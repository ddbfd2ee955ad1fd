const { usePostHog, failure, SEED } = require('../helpers/posthog');
const { fileSystem } = require('../helpers/operations');
const api = require('../helpers/api');

const posthog = usePostHog();
const { fileIds } = SEED;

describe('fileSystem countByPath', () => {
	test('countByPath: sends POST count_by_path/ with ?path= and NO body, and outputs {count, entries, has_more} as one item', async () => {
		const { json, items, error } = await posthog.run(
			fileSystem.countByPath({ path: 'Marketing/Campaigns' }),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([api.fileSystem.countByPath({ path: 'Marketing/Campaigns' })]);
		expect(json).toEqual([
			{
				count: 2,
				entries: [
					expect.objectContaining({
						id: fileIds.pricingExperiment,
						path: 'Marketing/Campaigns/Pricing page test',
						depth: 3,
					}),
					expect.objectContaining({
						id: fileIds.q3LaunchDashboard,
						path: 'Marketing/Campaigns/Q3 launch',
						depth: 3,
					}),
				],
				has_more: false,
			},
		]);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	test('countByPath: counts every descendant of a top-level folder, ordered by depth then path', async () => {
		const { json, error } = await posthog.run(fileSystem.countByPath({ path: 'Marketing' }));

		expect(error).toBeUndefined();
		posthog.expectReceived([api.fileSystem.countByPath({ path: 'Marketing' })]);
		expect(json).toHaveLength(1);
		expect(json[0].count).toBe(6);
		expect(json[0].has_more).toBe(false);
		expect(json[0].entries.map((entry) => entry.path)).toEqual([
			'Marketing/A\\/B tests',
			'Marketing/Campaigns',
			'Marketing/Signup funnel',
			'Marketing/Slack alerts',
			'Marketing/Campaigns/Pricing page test',
			'Marketing/Campaigns/Q3 launch',
		]);
	});

	test('countByPath: a path with spaces and an escaped slash reaches PostHog unchanged in the query string', async () => {
		posthog.emulator.state.fileSystem.push({
			project_id: 1,
			id: '0193a1b2-c3d4-7e5f-8a6b-0000000000aa',
			path: 'Marketing/A\\/B tests/Hero & CTA',
			depth: 3,
			type: 'experiment',
			ref: '4',
			href: '/experiments/4',
			meta: {},
			shortcut: false,
			created_at: '2024-12-06T09:00:00Z',
		});
		const { json, error } = await posthog.run(
			fileSystem.countByPath({ path: 'Marketing/A\\/B tests' }),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([api.fileSystem.countByPath({ path: 'Marketing/A\\/B tests' })]);
		expect(json).toEqual([
			{
				count: 1,
				entries: [expect.objectContaining({ path: 'Marketing/A\\/B tests/Hero & CTA' })],
				has_more: false,
			},
		]);
	});

	test('countByPath: an empty folder gives count 0 and no entries (still one item)', async () => {
		const { json, error } = await posthog.run(fileSystem.countByPath({ path: 'Product/Archive' }));

		expect(error).toBeUndefined();
		posthog.expectReceived([api.fileSystem.countByPath({ path: 'Product/Archive' })]);
		expect(json).toEqual([{ count: 0, entries: [], has_more: false }]);
	});

	test('countByPath: an empty path is refused by n8n before any request (required parameter)', async () => {
		const { error } = await posthog.run(fileSystem.countByPath({ path: '' }));

		expect(error.message).toMatch(/Parameter "Path" is required/);
		posthog.expectReceived([]);
	});

	test('countByPath: a path expression resolving to empty is refused before any request', async () => {
		const { error } = await posthog.run(fileSystem.countByPath({ path: '={{ $json.folder }}' }), {
			input: [{ json: { folder: '' } }],
		});

		posthog.expectReceived([]);
		expect(error.message).toBe('Path: must not be empty');
	});

	test('countByPath: a key without any file_system scope fails with PostHog’s 403 naming file_system:read', async () => {
		posthog.emulator.state.keys.phx_groups_only = { scopes: ['group:read'] };
		const { error } = await posthog.run(fileSystem.countByPath({ path: 'Marketing' }), {
			credentials: posthog.credentials({ apiKey: 'phx_groups_only' }),
		});

		posthog.expectReceived([api.fileSystem.countByPath({ path: 'Marketing' })], {
			apiKey: 'phx_groups_only',
		});
		expect(failure(error)).toMatchObject({
			message: "API key missing required scope 'file_system:read'",
			httpCode: '403',
		});
		expect(error.description).toContain('file_system:read');
	});

	test('countByPath: a read-only key is enough (file_system:read)', async () => {
		posthog.emulator.state.keys.phx_ro = { scopes: ['file_system:read'] };
		const { json, error } = await posthog.run(fileSystem.countByPath({ path: 'Product' }), {
			credentials: posthog.credentials({ apiKey: 'phx_ro' }),
		});

		expect(error).toBeUndefined();
		posthog.expectReceived([api.fileSystem.countByPath({ path: 'Product' })], { apiKey: 'phx_ro' });
		expect(json).toHaveLength(1);
		expect(json[0].count).toBe(4);
	});
});
