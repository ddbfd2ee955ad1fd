const { usePostHog, failure, SEED } = require('../helpers/posthog');
const { fileSystem } = require('../helpers/operations');
const api = require('../helpers/api');

const posthog = usePostHog();
const { fileIds } = SEED;
const NOW = '2025-03-01T00:00:00Z';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const entryAt = (path) =>
	posthog.emulator.state.fileSystem.find((row) => row.project_id === 1 && row.path === path);

beforeEach(() => {
	posthog.emulator.now = () => new Date(NOW);
});

describe('fileSystem link', () => {
	test('link: sends POST file_system/{id}/link/ with only {new_path}, and outputs the new shortcut', async () => {
		const { json, items, error } = await posthog.run(
			fileSystem.link({ fileId: fileIds.signupFunnel, newPath: 'Product/Shortcuts/Signup funnel' }),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			api.fileSystem.link(fileIds.signupFunnel, { new_path: 'Product/Shortcuts/Signup funnel' }),
		]);
		expect(json).toEqual([
			{
				id: expect.stringMatching(UUID),
				path: 'Product/Shortcuts/Signup funnel',
				depth: 3,
				type: 'insight',
				ref: 'aB3dE5fG',
				href: '/insights/aB3dE5fG',
				meta: { created_at: '2024-12-02T10:00:00Z', created_by: 1 },
				shortcut: true,
				created_at: NOW,
				last_viewed_at: null,
				user_access_level: null,
			},
		]);
		expect(json[0].id).not.toBe(fileIds.signupFunnel);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	test('link: PostHog holds a shortcut copy at the new path and the original stays where it was', async () => {
		const { json, error } = await posthog.run(
			fileSystem.link({ fileId: fileIds.signupFunnel, newPath: 'Product/Shortcuts/Signup funnel' }),
		);

		expect(error).toBeUndefined();
		expect(entryAt('Product/Shortcuts/Signup funnel')).toMatchObject({
			id: json[0].id,
			type: 'insight',
			ref: 'aB3dE5fG',
			shortcut: true,
		});
		expect(entryAt('Marketing/Signup funnel')).toMatchObject({
			id: fileIds.signupFunnel,
			shortcut: false,
		});
		expect(entryAt('Product/Shortcuts')).toMatchObject({ type: 'folder' });
	});

	test('link: linking a folder copies everything in it as shortcuts', async () => {
		const { json, error } = await posthog.run(
			fileSystem.link({ fileId: fileIds.campaignsFolder, newPath: 'Product/Campaigns' }),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			api.fileSystem.link(fileIds.campaignsFolder, { new_path: 'Product/Campaigns' }),
		]);
		expect(json).toHaveLength(1);
		expect(json[0]).toMatchObject({ path: 'Product/Campaigns', type: 'folder', shortcut: true });
		expect(entryAt('Product/Campaigns/Q3 launch')).toMatchObject({
			type: 'dashboard',
			ref: '7',
			shortcut: true,
		});
		expect(entryAt('Product/Campaigns/Pricing page test')).toMatchObject({
			type: 'experiment',
			ref: '3',
			shortcut: true,
		});
		// the originals are untouched
		expect(entryAt('Marketing/Campaigns/Q3 launch')).toMatchObject({
			id: fileIds.q3LaunchDashboard,
			shortcut: false,
		});
	});

	test('link: a file id with surrounding spaces is sent trimmed in the path', async () => {
		const { error } = await posthog.run(
			fileSystem.link({
				fileId: `  ${fileIds.roadmapNotebook}  `,
				newPath: 'Marketing/Roadmap notes',
			}),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			api.fileSystem.link(fileIds.roadmapNotebook, { new_path: 'Marketing/Roadmap notes' }),
		]);
	});

	test('link: an unknown file id fails with PostHog’s 404 detail and creates nothing', async () => {
		const unknown = '0193a1b2-c3d4-7e5f-8a6b-0000000000ff';
		const before = posthog.emulator.state.fileSystem.length;
		const { error } = await posthog.run(
			fileSystem.link({ fileId: unknown, newPath: 'Product/Shortcut' }),
		);

		posthog.expectReceived([api.fileSystem.link(unknown, { new_path: 'Product/Shortcut' })]);
		expect(failure(error)).toMatchObject({ message: 'Not found.', httpCode: '404' });
		expect(posthog.emulator.state.fileSystem).toHaveLength(before);
	});

	test('link: a folder linked onto its own path fails with PostHog’s raw 400 detail', async () => {
		const { error } = await posthog.run(
			fileSystem.link({ fileId: fileIds.productFolder, newPath: 'Product' }),
		);

		posthog.expectReceived([api.fileSystem.link(fileIds.productFolder, { new_path: 'Product' })]);
		expect(failure(error)).toMatchObject({
			message: 'Cannot link folder into itself',
			httpCode: '400',
		});
	});

	test('link: a file id that is not a UUID is refused before any request', async () => {
		const { error } = await posthog.run(
			fileSystem.link({ fileId: '12345', newPath: 'Product/Shortcut' }),
		);

		posthog.expectReceived([]);
		expect(error.message).toMatch(/File ID.*"12345".*not a file system entry UUID/);
	});

	test('link: an empty new path is refused by n8n before any request (required parameter)', async () => {
		const { error } = await posthog.run(
			fileSystem.link({ fileId: fileIds.signupFunnel, newPath: '' }),
		);

		expect(error.message).toMatch(/Parameter "New Path" is required/);
		posthog.expectReceived([]);
	});

	test('link: a new path expression that resolves to empty is refused before any request', async () => {
		const { error } = await posthog.run(
			fileSystem.link({ fileId: fileIds.signupFunnel, newPath: '={{ $json.to }}' }),
			{ input: [{ json: { to: '  ' } }] },
		);

		posthog.expectReceived([]);
		expect(error.message).toMatch(/New Path.*must not be empty/);
	});
});
