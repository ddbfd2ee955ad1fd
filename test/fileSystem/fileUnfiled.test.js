const { usePostHog, locator, failure } = require('../helpers/posthog');
const { fileSystem } = require('../helpers/operations');
const api = require('../helpers/api');

const posthog = usePostHog();

const unfiledRows = () =>
	posthog.emulator.state.fileSystem
		.filter(
			(row) => row.project_id === 1 && row.path.startsWith('Unfiled/') && row.type !== 'folder',
		)
		.map((row) => [row.path, row.type, row.ref])
		.sort((a, b) => a[0].localeCompare(b[0]));

describe('fileSystem fileUnfiled', () => {
	test('fileUnfiled: sends GET unfiled/ with no query and no body, and outputs PostHog’s {count} as one item', async () => {
		const { json, items, error } = await posthog.run(fileSystem.fileUnfiled());

		expect(error).toBeUndefined();
		posthog.expectReceived([api.fileSystem.unfiled()]);
		expect(json).toEqual([{ count: 5 }]);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	test('fileUnfiled: PostHog creates an Unfiled entry for every object that had none', async () => {
		expect(unfiledRows()).toEqual([]);
		const { error } = await posthog.run(fileSystem.fileUnfiled());

		expect(error).toBeUndefined();
		expect(unfiledRows()).toEqual([
			['Unfiled/Cohorts/Power users', 'cohort', '4'],
			['Unfiled/Dashboards/Ops overview', 'dashboard', '8'],
			['Unfiled/Feature Flags/beta-banner', 'feature_flag', '15'],
			['Unfiled/Insights/Pageview count', 'insight', 'dR1vEdN5'],
			['Unfiled/Insights/Revenue by plan', 'insight', 'pQ2rS4tU'],
		]);
	});

	test('fileUnfiled: filters.type is sent as ?type= and only objects of that type are filed', async () => {
		const { json, error } = await posthog.run(
			fileSystem.fileUnfiled({ filters: { type: 'dashboard' } }),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([api.fileSystem.unfiled({ type: 'dashboard' })]);
		expect(json).toEqual([{ count: 1 }]);
		expect(unfiledRows()).toEqual([['Unfiled/Dashboards/Ops overview', 'dashboard', '8']]);
	});

	test('fileUnfiled: a second run files nothing more and outputs count 0', async () => {
		const first = await posthog.run(fileSystem.fileUnfiled());
		const second = await posthog.run(fileSystem.fileUnfiled());

		expect([first.error, second.error]).toEqual([undefined, undefined]);
		posthog.expectReceived([api.fileSystem.unfiled(), api.fileSystem.unfiled()]);
		expect([first.json, second.json]).toEqual([[{ count: 5 }], [{ count: 0 }]]);
		expect(unfiledRows()).toHaveLength(5);
	});

	test('fileUnfiled: an unknown type is no error in PostHog: count 0 and nothing filed', async () => {
		const { json, error } = await posthog.run(
			fileSystem.fileUnfiled({ filters: { type: 'spaceship' } }),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([api.fileSystem.unfiled({ type: 'spaceship' })]);
		expect(json).toEqual([{ count: 0 }]);
		expect(unfiledRows()).toEqual([]);
	});

	test('fileUnfiled: a read-only key (file_system:read) is enough', async () => {
		posthog.emulator.state.keys.phx_ro = { scopes: ['file_system:read'] };
		const { json, error } = await posthog.run(
			fileSystem.fileUnfiled({ filters: { type: 'cohort' } }),
			{ credentials: posthog.credentials({ apiKey: 'phx_ro' }) },
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([api.fileSystem.unfiled({ type: 'cohort' })], { apiKey: 'phx_ro' });
		expect(json).toEqual([{ count: 1 }]);
	});

	test('fileUnfiled: a key without any file_system scope fails with PostHog’s 403 naming file_system:read', async () => {
		posthog.emulator.state.keys.phx_groups_only = { scopes: ['group:read'] };
		const { json, error } = await posthog.run(fileSystem.fileUnfiled(), {
			credentials: posthog.credentials({ apiKey: 'phx_groups_only' }),
		});

		posthog.expectReceived([api.fileSystem.unfiled()], { apiKey: 'phx_groups_only' });
		expect(json).toEqual([]);
		expect(failure(error)).toMatchObject({
			message: "API key missing required scope 'file_system:read'",
			httpCode: '403',
		});
		expect(error.description).toContain('file_system:read');
		expect(unfiledRows()).toEqual([]);
	});

	test('fileUnfiled: an unknown project fails with PostHog’s 404 "Project not found."', async () => {
		const { error } = await posthog.run(fileSystem.fileUnfiled({ projectId: locator('id', 999) }));

		posthog.expectReceived([api.inProject(999, api.fileSystem.unfiled())]);
		expect(failure(error)).toMatchObject({ message: 'Project not found.', httpCode: '404' });
		expect(error.description).toMatch(/Project/);
	});
});
