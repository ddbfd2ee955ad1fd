const { usePostHog, locator, SEED } = require('./helpers/posthog');
const { group, insightSharing } = require('./helpers/operations');
const api = require('./helpers/api');

const posthog = usePostHog();

const find = group.find({ groupTypeIndex: 0, groupKey: 'acme' });
const findAcme = api.group.find({
	group_type_index: '0',
	group_key: 'acme',
	skip_create_notebook: 'true',
});

describe('project resource locator', () => {
	test.each([
		['list', locator('list', 2)],
		['id', locator('id', 2)],
		['url', locator('url', 'https://eu.posthog.com/project/2/groups/0/acme')],
	])('mode %s puts the numeric project id in the path', async (_, projectId) => {
		posthog.emulator.state.groups.push({
			...posthog.emulator.state.groups.find((group) => group.group_key === 'acme'),
			project_id: 2,
		});

		const { error } = await posthog.run({ ...find, projectId });

		expect(error).toBeUndefined();
		posthog.expectReceived([api.inProject(2, findAcme)]);
	});

	// The node checks locator values itself, not through n8n's regex sandbox (docs/n8n-notes.md §6).
	test('a typed project id that is not a number is refused before any request', async () => {
		const { error } = await posthog.run({ ...find, projectId: locator('id', 'abc') });

		expect(error.message).toBe('Project: "abc" is not a numeric project ID');
		posthog.expectReceived([]);
	});

	test('a project id from an expression that is not a number is refused before any request', async () => {
		const { error } = await posthog.run(
			{ ...find, projectId: locator('id', '={{ $json.project }}') },
			{ input: [{ json: { project: 'my-project' } }] },
		);

		expect(error.message).toBe('Project: "my-project" is not a numeric project ID');
		posthog.expectReceived([]);
	});

	test('the project list search lists projects by name with their id, filtered by the search text', async () => {
		const all = await posthog.callMethod('listSearch', 'searchProjects', {}, []);
		const staging = await posthog.callMethod('listSearch', 'searchProjects', {}, ['stag']);

		expect(all.results).toEqual([
			{ name: 'Default project (1)', value: '1', url: `${posthog.emulator.url}/project/1` },
			{ name: 'Staging (2)', value: '2', url: `${posthog.emulator.url}/project/2` },
		]);
		expect(staging.results.map((result) => result.value)).toEqual(['2']);
		posthog.expectReceived([
			api.projects.search({ limit: '100', offset: '0' }),
			api.projects.search({ limit: '100', offset: '0', search: 'stag' }),
		]);
	});
});

describe('insight list search', () => {
	test('lists the project’s insights by name, valued by numeric id, searching with basic=true', async () => {
		const { results } = await posthog.callMethod('listSearch', 'searchInsights', {}, ['signup']);

		expect(results).toContainEqual({
			name: expect.stringMatching(/signup/i),
			value: String(SEED.insightIds.signupFunnel),
			url: `${posthog.emulator.url}/project/1/insights/${SEED.insightShortIds.signupFunnel}`,
		});
		posthog.expectReceived([
			api.insights.search({ basic: 'true', limit: '100', offset: '0', search: 'signup' }),
		]);
	});
});

describe('group type dropdown', () => {
	test('offers the project’s group types by plural name, valued by index', async () => {
		const options = await posthog.callMethod('loadOptions', 'getGroupTypes', {});

		expect(options.map(({ name, value }) => ({ name, value }))).toEqual([
			{ name: 'Companies', value: 0 },
			{ name: 'Teams', value: 1 },
			{ name: 'Accounts', value: 2 },
		]);
		posthog.expectReceived([api.group.types()]);
	});

	test('is empty, not an error, until a project is chosen', async () => {
		const options = await posthog.callMethod('loadOptions', 'getGroupTypes', {
			projectId: locator('list', ''),
		});

		expect(options).toEqual([]);
		posthog.expectReceived([]);
	});

	test('the insight list asks for a project first when none is chosen', async () => {
		await expect(
			posthog.callMethod('listSearch', 'searchInsights', { projectId: locator('list', '') }),
		).rejects.toThrow('Choose a Project first');
		posthog.expectReceived([]);
	});
});

describe('insight resource locator', () => {
	test('a URL from an expression that is not an insight URL is refused before any request', async () => {
		const { error } = await posthog.run(
			insightSharing.get({ insightId: locator('url', '={{ $json.link }}') }),
			{ input: [{ json: { link: 'https://us.posthog.com/project/1/dashboard/5' } }] },
		);

		expect(error.message).toBe(
			'Insight: not a PostHog insight URL (…/project/ID/insights/SHORT_ID)',
		);
		posthog.expectReceived([]);
	});
});
