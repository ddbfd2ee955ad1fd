const { usePostHog } = require('../helpers/posthog');

const posthog = usePostHog();

const UPDATE_PATH = '/api/projects/1/groups/update_property/';

function expectUpdateRequest(request, query, body) {
	expect(request.method).toBe('POST');
	expect(request.path).toBe(UPDATE_PATH);
	expect(request.query).toEqual(query);
	expect(request.body).toEqual(body);
	expect(request.headers.authorization).toBe(`Bearer ${posthog.emulator.apiKey}`);
}

const groupOf = (key, index = 0) =>
	posthog.emulator.state.groups.find((g) => g.project_id === 1 && g.group_type_index === index && g.group_key === key);

const snapshot = (value) => JSON.parse(JSON.stringify(value));

describe('group updateProperty', () => {
	test('updateProperty sends one POST per property, in order, each body exactly {key, value} with converted values, and outputs ONE item: the group as last returned', async () => {
		const { json, items, error } = await posthog.run({
			resource: 'group',
			operation: 'updateProperty',
			groupTypeIndex: 0,
			groupKey: 'acme',
			properties: {
				property: [
					{ key: 'stage', value: 'customer' },
					{ key: 'employees', value: '130' },
					{ key: 'flags', value: '{"beta":true}' },
					{ key: 'is_customer', value: 'true' },
					{ key: 'zip', value: '007' },
					{ key: 'regions', value: '["eu","us"]' },
				],
			},
		});

		expect(error).toBeUndefined();
		const query = { group_type_index: '0', group_key: 'acme' };
		const requests = posthog.requests();
		expect(requests).toHaveLength(6);
		expectUpdateRequest(requests[0], query, { key: 'stage', value: 'customer' });
		expectUpdateRequest(requests[1], query, { key: 'employees', value: 130 });
		expectUpdateRequest(requests[2], query, { key: 'flags', value: { beta: true } });
		expectUpdateRequest(requests[3], query, { key: 'is_customer', value: true });
		expectUpdateRequest(requests[4], query, { key: 'zip', value: '007' });
		expectUpdateRequest(requests[5], query, { key: 'regions', value: ['eu', 'us'] });

		const properties = {
			name: 'Acme',
			industry: 'SaaS',
			employees: 130,
			stage: 'customer',
			flags: { beta: true },
			is_customer: true,
			zip: '007',
			regions: ['eu', 'us'],
		};
		expect(json).toEqual([
			{ group_type_index: 0, group_key: 'acme', group_properties: properties, created_at: '2024-11-05T10:00:00.123456Z' },
		]);
		expect(items).toHaveLength(1);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(groupOf('acme').group_properties).toEqual(properties);
	});

	test('updateProperty with one property sends one request and outputs the updated group', async () => {
		const { json, error } = await posthog.run({
			resource: 'group',
			operation: 'updateProperty',
			groupTypeIndex: 2,
			groupKey: 'acct_001',
			properties: { property: [{ key: 'mrr', value: '999.5' }] },
		});

		expect(error).toBeUndefined();
		expect(posthog.requests()).toHaveLength(1);
		expectUpdateRequest(posthog.lastRequest(), { group_type_index: '2', group_key: 'acct_001' }, { key: 'mrr', value: 999.5 });
		expect(json).toEqual([
			{
				group_type_index: 2,
				group_key: 'acct_001',
				group_properties: { plan: 'pro', mrr: 999.5, company: 'acme' },
				created_at: '2024-11-11T12:00:00Z',
			},
		]);
		expect(groupOf('acct_001', 2).group_properties.mrr).toBe(999.5);
	});

	test('updateProperty with zero properties fails before any request', async () => {
		const before = snapshot(groupOf('acme'));

		const { error } = await posthog.run({
			resource: 'group',
			operation: 'updateProperty',
			groupTypeIndex: 0,
			groupKey: 'acme',
			properties: {},
		});

		expect(error).toBeDefined();
		expect(error.message).toMatch(/Properties/);
		expect(posthog.requests()).toHaveLength(0);
		expect(groupOf('acme')).toEqual(before);
	});

	test('updateProperty refuses a value that looks like JSON but does not parse before sending ANY property', async () => {
		const before = snapshot(groupOf('acme'));

		const { error } = await posthog.run({
			resource: 'group',
			operation: 'updateProperty',
			groupTypeIndex: 0,
			groupKey: 'acme',
			properties: {
				property: [
					{ key: 'stage', value: 'customer' },
					{ key: 'meta', value: '{"broken' },
				],
			},
		});

		expect(error).toBeDefined();
		expect(error.message).toMatch(/^Properties:.*"meta".*does not parse/);
		expect(posthog.requests()).toHaveLength(0);
		expect(groupOf('acme')).toEqual(before);
	});

	test('updateProperty with several input items sends each item’s requests and pairs each output to its input', async () => {
		const { json, items, error } = await posthog.run(
			{
				resource: 'group',
				operation: 'updateProperty',
				groupTypeIndex: 0,
				groupKey: '={{ $json.key }}',
				properties: {
					property: [
						{ key: 'stage', value: '={{ $json.stage }}' },
						{ key: 'seats', value: '={{ $json.seats }}' },
					],
				},
			},
			{
				input: [
					{ json: { key: 'acme', stage: 'customer', seats: '25' } },
					{ json: { key: 'globex', stage: 'trial', seats: '3' } },
				],
			},
		);

		expect(error).toBeUndefined();
		const requests = posthog.requests();
		expect(requests).toHaveLength(4);
		// items may run concurrently: check each item's own requests, in order
		const acmeRequests = requests.filter((request) => request.query.group_key === 'acme');
		const globexRequests = requests.filter((request) => request.query.group_key === 'globex');
		expect(acmeRequests).toHaveLength(2);
		expect(globexRequests).toHaveLength(2);
		expectUpdateRequest(acmeRequests[0], { group_type_index: '0', group_key: 'acme' }, { key: 'stage', value: 'customer' });
		expectUpdateRequest(acmeRequests[1], { group_type_index: '0', group_key: 'acme' }, { key: 'seats', value: 25 });
		expectUpdateRequest(globexRequests[0], { group_type_index: '0', group_key: 'globex' }, { key: 'stage', value: 'trial' });
		expectUpdateRequest(globexRequests[1], { group_type_index: '0', group_key: 'globex' }, { key: 'seats', value: 3 });

		expect(items).toHaveLength(2);
		expect(json.map((group) => group.group_key)).toEqual(['acme', 'globex']);
		expect(json[0].group_properties).toMatchObject({ stage: 'customer', seats: 25 });
		expect(json[1].group_properties).toMatchObject({ stage: 'trial', seats: 3 });
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(groupOf('acme').group_properties).toMatchObject({ stage: 'customer', seats: 25 });
		expect(groupOf('globex').group_properties).toMatchObject({ stage: 'trial', seats: 3 });
	});

	test('updateProperty on a group that does not exist fails with PostHog’s 404 after the first request', async () => {
		const { error } = await posthog.run({
			resource: 'group',
			operation: 'updateProperty',
			groupTypeIndex: 0,
			groupKey: 'no-such-group',
			properties: {
				property: [
					{ key: 'a', value: '1' },
					{ key: 'b', value: '2' },
				],
			},
		});

		expect(error).toBeDefined();
		expect(error.httpCode).toBe('404');
		expect(error.message).toBe('Not found.');
		expect(posthog.requests()).toHaveLength(1);
		expectUpdateRequest(posthog.lastRequest(), { group_type_index: '0', group_key: 'no-such-group' }, { key: 'a', value: 1 });
	});

	test('updateProperty with a group type outside 0–4 is refused before any request', async () => {
		const { error } = await posthog.run({
			resource: 'group',
			operation: 'updateProperty',
			groupTypeIndex: -1,
			groupKey: 'acme',
			properties: { property: [{ key: 'a', value: 'b' }] },
		});

		expect(error.message).toMatch(/Group Type.*0 to 4/);
		expect(posthog.requests()).toHaveLength(0);
	});
});
