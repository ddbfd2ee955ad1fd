const { usePostHog, locator } = require('../helpers/posthog');
const faults = require('../emulator/faults');
const { group } = require('../helpers/operations');

const posthog = usePostHog();

const NOW = '2025-03-01T12:34:56Z';
const GROUPS = '/api/projects/1/groups/';
const find = (key, index = 0) => ({
	method: 'GET',
	path: `${GROUPS}find/`,
	query: { group_type_index: String(index), group_key: key, skip_create_notebook: 'true' },
});
const update = (key, body, index = 0) => ({
	method: 'POST',
	path: `${GROUPS}update_property/`,
	query: { group_type_index: String(index), group_key: key },
	body,
});
const groupsWithKey = (key, index = 0) =>
	posthog.emulator.state.groups.filter(
		(g) => g.project_id === 1 && g.group_type_index === index && g.group_key === key,
	);

/** PostHog's answer to `find` for a group it does not have (yet). */
const notFound = () => ({
	status: 404,
	body: { type: 'invalid_request', code: 'not_found', detail: 'Not found.', attr: null },
});

describe('group upsert', () => {
	beforeEach(() => {
		posthog.emulator.now = () => new Date(NOW);
	});

	test('a missing group: find answers 404, then ONE create with all properties; the output is the created group, nothing else', async () => {
		const { json, items, error } = await posthog.run(
			group.upsert({
				groupTypeIndex: 0,
				groupKey: 'wayne',
				properties: {
					property: [
						{ key: 'name', value: 'Wayne Enterprises' },
						{ key: 'seats', value: '250' },
					],
				},
			}),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			find('wayne'),
			{
				method: 'POST',
				path: GROUPS,
				body: {
					group_type_index: 0,
					group_key: 'wayne',
					group_properties: { name: 'Wayne Enterprises', seats: 250 },
				},
			},
		]);
		expect(posthog.requests().map((request) => request.status)).toEqual([404, 201]);
		expect(json).toEqual([
			{
				group_type_index: 0,
				group_key: 'wayne',
				group_properties: { name: 'Wayne Enterprises', seats: 250 },
				created_at: NOW,
			},
		]);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(groupsWithKey('wayne')).toHaveLength(1);
	});

	test('an existing group: find, then one update_property per property, in order; the output is the group as last returned', async () => {
		const { json, items, error } = await posthog.run(
			group.upsert({
				groupTypeIndex: 0,
				groupKey: 'acme',
				properties: {
					property: [
						{ key: 'plan', value: 'pro' },
						{ key: 'seats', value: '12' },
					],
				},
			}),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			find('acme'),
			update('acme', { key: 'plan', value: 'pro' }),
			update('acme', { key: 'seats', value: 12 }),
		]);
		expect(json).toEqual([
			{
				group_type_index: 0,
				group_key: 'acme',
				group_properties: {
					name: 'Acme',
					industry: 'SaaS',
					employees: 120,
					plan: 'pro',
					seats: 12,
				},
				created_at: '2024-11-05T10:00:00.123456Z',
			},
		]);
		expect(items).toHaveLength(1);
		expect(groupsWithKey('acme')).toHaveLength(1);
	});

	test('an existing group and no properties: the group as found, and nothing written', async () => {
		const { json, error } = await posthog.run(
			group.upsert({ groupTypeIndex: 0, groupKey: 'acme', properties: {} }),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([find('acme')]);
		expect(json).toHaveLength(1);
		expect(json[0]).toMatchObject({
			group_key: 'acme',
			group_properties: { name: 'Acme', industry: 'SaaS', employees: 120 },
		});
	});

	test('a lost race: the group appears between find and create, the create’s 400 "already exists" continues as updates', async () => {
		// another workflow creates "acme" right after this one's find came back empty
		posthog.emulator.override = faults.first(
			1,
			notFound,
			(record) => record.path === `${GROUPS}find/`,
		);

		const { json, error } = await posthog.run(
			group.upsert({
				groupTypeIndex: 0,
				groupKey: 'acme',
				properties: {
					property: [
						{ key: 'name', value: 'Acme Corp' },
						{ key: 'plan', value: 'enterprise' },
					],
				},
			}),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			find('acme'),
			{
				method: 'POST',
				path: GROUPS,
				body: {
					group_type_index: 0,
					group_key: 'acme',
					group_properties: { name: 'Acme Corp', plan: 'enterprise' },
				},
			},
			update('acme', { key: 'name', value: 'Acme Corp' }),
			update('acme', { key: 'plan', value: 'enterprise' }),
		]);
		expect(posthog.requests().map((request) => request.status)).toEqual([404, 400, 200, 200]);
		expect(json).toEqual([
			{
				group_type_index: 0,
				group_key: 'acme',
				group_properties: {
					name: 'Acme Corp',
					industry: 'SaaS',
					employees: 120,
					plan: 'enterprise',
				},
				created_at: '2024-11-05T10:00:00.123456Z',
			},
		]);
		expect(groupsWithKey('acme')).toHaveLength(1);
	});

	test('a lost race with no properties outputs the group as found again', async () => {
		posthog.emulator.override = faults.first(
			1,
			notFound,
			(record) => record.path === `${GROUPS}find/`,
		);

		const { json, error } = await posthog.run(
			group.upsert({ groupTypeIndex: 0, groupKey: 'acme', properties: {} }),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			find('acme'),
			{
				method: 'POST',
				path: GROUPS,
				body: { group_type_index: 0, group_key: 'acme', group_properties: {} },
			},
			find('acme'),
		]);
		expect(json).toHaveLength(1);
		expect(json[0]).toMatchObject({ group_key: 'acme' });
	});

	test('a create whose $groupidentify capture fails (the group row is saved) continues as updates, not a second create', async () => {
		posthog.emulator.state.groupCaptureFailure = 502;
		posthog.emulator.override = async (req, record) => {
			// the capture works again for the updates
			if (record.path.endsWith('/update_property/'))
				posthog.emulator.state.groupCaptureFailure = null;
			return undefined;
		};

		const { json, error } = await posthog.run(
			group.upsert({
				groupTypeIndex: 0,
				groupKey: 'wayne',
				properties: { property: [{ key: 'name', value: 'Wayne' }] },
			}),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			find('wayne'),
			{
				method: 'POST',
				path: GROUPS,
				body: { group_type_index: 0, group_key: 'wayne', group_properties: { name: 'Wayne' } },
			},
			update('wayne', { key: 'name', value: 'Wayne' }),
		]);
		expect(posthog.requests().map((request) => request.status)).toEqual([404, 502, 200]);
		expect(json).toEqual([
			{
				group_type_index: 0,
				group_key: 'wayne',
				group_properties: { name: 'Wayne' },
				created_at: NOW,
			},
		]);
		expect(groupsWithKey('wayne')).toHaveLength(1);
	});

	test('any other create error is the error: no updates follow', async () => {
		posthog.emulator.override = faults.always(
			faults.serverError(500),
			(record) => record.method === 'POST',
		);

		const { error } = await posthog.run(
			group.upsert({
				groupTypeIndex: 0,
				groupKey: 'wayne',
				properties: { property: [{ key: 'name', value: 'Wayne' }] },
			}),
		);

		expect(error.httpCode).toBe('500');
		expect(posthog.requests().map((request) => `${request.method} ${request.path}`)).toEqual([
			`GET ${GROUPS}find/`,
			`POST ${GROUPS}`,
		]);
	});

	test('a project PostHog does not know is that 404, not a reason to create', async () => {
		const { error } = await posthog.run(
			group.upsert({
				projectId: locator('id', 999),
				groupTypeIndex: 0,
				groupKey: 'wayne',
				properties: { property: [{ key: 'name', value: 'Wayne' }] },
			}),
		);

		expect(error.message).toBe('Project not found.');
		expect(posthog.requests()).toHaveLength(1);
	});

	test.each([
		[
			{ groupTypeIndex: 5, groupKey: 'acme', properties: {} },
			/^Group Type: "5" is not a group type index/,
		],
		[{ groupTypeIndex: 0, groupKey: ' ', properties: {} }, /^Group Key: must not be empty/],
		[
			{
				groupTypeIndex: 0,
				groupKey: 'acme',
				properties: { property: [{ key: 'meta', value: '{"broken' }] },
			},
			/^Properties:.*"meta".*does not parse/,
		],
	])('bad input %j is refused before any request', async (parameters, message) => {
		const { error } = await posthog.run(group.upsert({ ...parameters }));

		expect(error.message).toMatch(message);
		expect(posthog.requests()).toHaveLength(0);
	});

	test('several items: each takes its own path, outputs paired to inputs', async () => {
		const { json, items, error } = await posthog.run(
			group.upsert({
				groupTypeIndex: 0,
				groupKey: '={{ $json.key }}',
				properties: { property: [{ key: 'plan', value: '={{ $json.plan }}' }] },
			}),
			{ input: [{ json: { key: 'acme', plan: 'pro' } }, { json: { key: 'wayne', plan: 'free' } }] },
		);

		expect(error).toBeUndefined();
		expect(json.map((group) => [group.group_key, group.group_properties.plan])).toEqual([
			['acme', 'pro'],
			['wayne', 'free'],
		]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		const paths = (key) =>
			posthog
				.requests()
				.filter((request) => request.query.group_key === key || request.body?.group_key === key)
				.map((request) => `${request.method} ${request.path}`);
		expect(paths('acme')).toEqual([`GET ${GROUPS}find/`, `POST ${GROUPS}update_property/`]);
		expect(paths('wayne')).toEqual([`GET ${GROUPS}find/`, `POST ${GROUPS}`]);
	});
});
