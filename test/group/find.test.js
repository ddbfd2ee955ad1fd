const { usePostHog, SEED } = require('../helpers/posthog');

const posthog = usePostHog();

describe('group find', () => {
	test('sends GET groups/find/ with the type, the key and skip_create_notebook, and outputs the group', async () => {
		const { json, error } = await posthog.run({
			resource: 'group',
			operation: 'find',
			groupTypeIndex: SEED.groupTypes.company,
			groupKey: 'acme',
		});

		expect(error).toBeUndefined();
		expect(posthog.requests()).toHaveLength(1);
		const request = posthog.lastRequest();
		expect(request.method).toBe('GET');
		expect(request.path).toBe('/api/projects/1/groups/find/');
		expect(request.query).toEqual({ group_type_index: '0', group_key: 'acme', skip_create_notebook: 'true' });
		expect(request.headers.authorization).toBe(`Bearer ${posthog.emulator.apiKey}`);
		expect(request.body).toBeUndefined();
		expect(json).toHaveLength(1);
		expect(json[0]).toMatchObject({ group_type_index: 0, group_key: 'acme', notebook: null });
		expect(json[0].group_properties).toMatchObject({ name: 'Acme' });
		expect(posthog.emulator.state.notebooksCreated ?? []).toHaveLength(0);
	});

	test('a group that does not exist fails with PostHog’s 404 detail', async () => {
		const { error } = await posthog.run({
			resource: 'group',
			operation: 'find',
			groupTypeIndex: 0,
			groupKey: 'no-such-group',
		});

		expect(error).toBeDefined();
		expect(error.message).toBe('Not found.');
		expect(error.httpCode).toBe('404');
	});

	test('a group type outside 0–4 is refused before any request', async () => {
		const { error } = await posthog.run({ resource: 'group', operation: 'find', groupTypeIndex: 7, groupKey: 'acme' });

		expect(error.message).toMatch(/Group Type.*0 to 4/);
		expect(posthog.requests()).toHaveLength(0);
	});
});
