const { usePostHog, failure, SEED } = require('../helpers/posthog');
const { fileSystem } = require('../helpers/operations');
const api = require('../helpers/api');

const posthog = usePostHog();
const { fileIds } = SEED;

const entryAt = (path) =>
	posthog.emulator.state.fileSystem.find((row) => row.project_id === 1 && row.path === path);
const pathOf = (id) => posthog.emulator.state.fileSystem.find((row) => row.id === id).path;

describe('fileSystem move', () => {
	test('move: sends POST file_system/{id}/move/ with only {new_path}, and outputs the moved entry', async () => {
		const { json, items, error } = await posthog.run(
			fileSystem.move({ fileId: fileIds.signupFunnel, newPath: 'Product/Funnels/Signup funnel' }),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			api.fileSystem.move(fileIds.signupFunnel, { new_path: 'Product/Funnels/Signup funnel' }),
		]);
		expect(json).toEqual([
			{
				id: fileIds.signupFunnel,
				path: 'Product/Funnels/Signup funnel',
				depth: 3,
				type: 'insight',
				ref: 'aB3dE5fG',
				href: '/insights/aB3dE5fG',
				meta: { created_at: '2024-12-02T10:00:00Z', created_by: 1 },
				shortcut: false,
				created_at: '2024-12-02T10:00:00Z',
				last_viewed_at: null,
				user_access_level: null,
			},
		]);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	test('move: the entry has its new path in PostHog afterwards, and the missing parent folder is created', async () => {
		const { error } = await posthog.run(
			fileSystem.move({ fileId: fileIds.signupFunnel, newPath: 'Product/Funnels/Signup funnel' }),
		);

		expect(error).toBeUndefined();
		const row = posthog.emulator.state.fileSystem.find((r) => r.id === fileIds.signupFunnel);
		expect({ path: row.path, depth: row.depth }).toEqual({
			path: 'Product/Funnels/Signup funnel',
			depth: 3,
		});
		expect(entryAt('Marketing/Signup funnel')).toBeUndefined();
		expect(entryAt('Product/Funnels')).toMatchObject({ type: 'folder' });
	});

	test('move: a folder takes everything in it along', async () => {
		const { json, error } = await posthog.run(
			fileSystem.move({ fileId: fileIds.campaignsFolder, newPath: 'Product/Campaigns 2025' }),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			api.fileSystem.move(fileIds.campaignsFolder, { new_path: 'Product/Campaigns 2025' }),
		]);
		expect(json).toHaveLength(1);
		expect(json[0]).toMatchObject({
			id: fileIds.campaignsFolder,
			path: 'Product/Campaigns 2025',
			type: 'folder',
		});
		expect([pathOf(fileIds.q3LaunchDashboard), pathOf(fileIds.pricingExperiment)]).toEqual([
			'Product/Campaigns 2025/Q3 launch',
			'Product/Campaigns 2025/Pricing page test',
		]);
	});

	test('move: a new path with an escaped slash in a name is sent exactly as typed', async () => {
		const { json, error } = await posthog.run(
			fileSystem.move({
				fileId: fileIds.signupFunnel,
				newPath: 'Marketing/A\\/B tests/Signup funnel',
			}),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			api.fileSystem.move(fileIds.signupFunnel, {
				new_path: 'Marketing/A\\/B tests/Signup funnel',
			}),
		]);
		expect(json[0]).toMatchObject({ path: 'Marketing/A\\/B tests/Signup funnel', depth: 3 });
	});

	test('move: two input items send two requests, each output item paired to its input', async () => {
		const { items, error } = await posthog.run(
			fileSystem.move({ fileId: '={{ $json.id }}', newPath: '={{ $json.to }}' }),
			{
				input: [
					{ json: { id: fileIds.signupFunnel, to: 'Archive/Signup funnel' } },
					{ json: { id: fileIds.weeklyActiveUsers, to: 'Archive/Weekly active users' } },
				],
			},
		);

		expect(error).toBeUndefined();
		posthog.expectReceived(
			[
				api.fileSystem.move(fileIds.signupFunnel, { new_path: 'Archive/Signup funnel' }),
				api.fileSystem.move(fileIds.weeklyActiveUsers, { new_path: 'Archive/Weekly active users' }),
			],
			{ itemOf: (request) => request.path },
		);
		expect(items.map((item) => [item.json.id, item.json.path, item.pairedItem])).toEqual([
			[fileIds.signupFunnel, 'Archive/Signup funnel', { item: 0 }],
			[fileIds.weeklyActiveUsers, 'Archive/Weekly active users', { item: 1 }],
		]);
	});

	test('move: an unknown file id fails with PostHog’s 404 detail', async () => {
		const unknown = '0193a1b2-c3d4-7e5f-8a6b-0000000000ff';
		const { error } = await posthog.run(
			fileSystem.move({ fileId: unknown, newPath: 'Product/Nowhere' }),
		);

		posthog.expectReceived([api.fileSystem.move(unknown, { new_path: 'Product/Nowhere' })]);
		expect(failure(error)).toMatchObject({ message: 'Not found.', httpCode: '404' });
	});

	test('move: a folder moved onto its own path fails with PostHog’s raw 400 detail', async () => {
		const { error } = await posthog.run(
			fileSystem.move({ fileId: fileIds.marketingFolder, newPath: 'Marketing' }),
		);

		posthog.expectReceived([
			api.fileSystem.move(fileIds.marketingFolder, { new_path: 'Marketing' }),
		]);
		expect(failure(error)).toMatchObject({
			message: 'Cannot move folder into itself',
			httpCode: '400',
		});
	});

	test('move: a file id that is not a UUID is refused before any request', async () => {
		const { error } = await posthog.run(
			fileSystem.move({ fileId: 'Marketing/Signup funnel', newPath: 'Product/Signup funnel' }),
		);

		posthog.expectReceived([]);
		expect(error.message).toMatch(/File ID.*not a file system entry UUID/);
	});

	test('move: an empty new path is refused by n8n before any request (required parameter)', async () => {
		const { error } = await posthog.run(
			fileSystem.move({ fileId: fileIds.signupFunnel, newPath: '' }),
		);

		expect(error.message).toMatch(/Parameter "New Path" is required/);
		posthog.expectReceived([]);
	});

	test('move: a new path expression that resolves to empty is refused before any request', async () => {
		const { error } = await posthog.run(
			fileSystem.move({ fileId: fileIds.signupFunnel, newPath: '={{ $json.to }}' }),
			{ input: [{ json: { to: '' } }] },
		);

		posthog.expectReceived([]);
		expect(error.message).toMatch(/New Path.*must not be empty/);
	});

	test('move: a new path of only spaces is refused before any request', async () => {
		const { error } = await posthog.run(
			fileSystem.move({ fileId: fileIds.signupFunnel, newPath: '   ' }),
		);

		posthog.expectReceived([]);
		expect(error.message).toMatch(/New Path.*must not be empty/);
	});
});
