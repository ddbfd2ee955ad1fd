const { usePostHog, failure, SEED } = require('../helpers/posthog');
const { group } = require('../helpers/operations');
const api = require('../helpers/api');

const posthog = usePostHog();

describe('group find', () => {
	test('sends GET groups/find/ with the type, the key and skip_create_notebook, and outputs the group', async () => {
		const { json, error } = await posthog.run(
			group.find({ groupTypeIndex: SEED.groupTypes.company, groupKey: 'acme' }),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			api.group.find({ group_type_index: '0', group_key: 'acme', skip_create_notebook: 'true' }),
		]);
		expect(json).toHaveLength(1);
		expect(json[0]).toMatchObject({ group_type_index: 0, group_key: 'acme', notebook: null });
		expect(json[0].group_properties).toMatchObject({ name: 'Acme' });
		expect(posthog.emulator.state.notebooksCreated ?? []).toHaveLength(0);
	});

	test('a group that does not exist fails with PostHog’s 404 detail', async () => {
		const { error } = await posthog.run(
			group.find({ groupTypeIndex: 0, groupKey: 'no-such-group' }),
		);

		expect(failure(error)).toMatchObject({ message: 'Not found.', httpCode: '404' });
		posthog.expectReceived([
			api.group.find({
				group_type_index: '0',
				group_key: 'no-such-group',
				skip_create_notebook: 'true',
			}),
		]);
	});

	test('a group type outside 0–4 is refused before any request', async () => {
		const { error } = await posthog.run(group.find({ groupTypeIndex: 7, groupKey: 'acme' }));

		expect(error.message).toMatch(/Group Type.*0 to 4/);
		posthog.expectReceived([]);
	});
});
