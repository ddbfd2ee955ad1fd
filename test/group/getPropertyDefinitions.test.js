const { usePostHog, failure, seedGroups } = require('../helpers/posthog');
const { group } = require('../helpers/operations');
const api = require('../helpers/api');

const posthog = usePostHog();

// Current PostHog lists group definitions one type at a time (docs/posthog-api.md §2.6), and the
// emulator answers 400 to `type=group` without `group_type_index`, as PostHog does.
const fallbackPage = (groupTypeIndex, offset = 0) =>
	api.propertyDefinitions({
		type: 'group',
		group_type_index: String(groupTypeIndex),
		limit: '100',
		offset: String(offset),
	});

// What the seeded groups of project 1 hold: per type, count desc then name asc (legacy route).
const LEGACY_DEFINITIONS = [
	{ group_type_index: 0, name: 'employees', count: 5 },
	{ group_type_index: 0, name: 'industry', count: 5 },
	{ group_type_index: 0, name: 'name', count: 5 },
	{ group_type_index: 0, name: 'plan', count: 2 },
	{ group_type_index: 0, name: 'is_customer', count: 1 },
	{ group_type_index: 1, name: 'company', count: 3 },
	{ group_type_index: 1, name: 'name', count: 3 },
	{ group_type_index: 2, name: 'company', count: 2 },
	{ group_type_index: 2, name: 'mrr', count: 2 },
	{ group_type_index: 2, name: 'plan', count: 2 },
];

// The same definitions as property_definitions/ knows them: no counts there.
const byIndexThenName = (a, b) =>
	a.group_type_index - b.group_type_index || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const FALLBACK_DEFINITIONS = LEGACY_DEFINITIONS.map(({ group_type_index, name }) => ({
	group_type_index,
	name,
	count: null,
})).sort(byIndexThenName);

describe('group getPropertyDefinitions', () => {
	test('getPropertyDefinitions with the legacy route sends one GET and outputs one item per definition {group_type_index, name, count}', async () => {
		const { json, items, error } = await posthog.run(group.getPropertyDefinitions());

		expect(error).toBeUndefined();
		posthog.expectReceived([api.group.propertyDefinitions()]);
		expect(json).toEqual(LEGACY_DEFINITIONS);
		for (const item of items) expect(item.pairedItem).toEqual({ item: 0 });
	});

	test('getPropertyDefinitions reflects a property newly set on a group in its count (legacy route)', async () => {
		const acme = posthog.emulator.state.groups.find((g) => g.group_key === 'acme');
		acme.group_properties.plan = 'pro';

		const { json, error } = await posthog.run(group.getPropertyDefinitions());

		expect(error).toBeUndefined();
		expect(json.filter((d) => d.group_type_index === 0)).toEqual([
			{ group_type_index: 0, name: 'employees', count: 5 },
			{ group_type_index: 0, name: 'industry', count: 5 },
			{ group_type_index: 0, name: 'name', count: 5 },
			{ group_type_index: 0, name: 'plan', count: 3 },
			{ group_type_index: 0, name: 'is_customer', count: 1 },
		]);
	});

	test('getPropertyDefinitions falls back on a 404 to the project’s group types, then GET property_definitions/?type=group&group_type_index=N for each', async () => {
		posthog.emulator.state.legacyGroupPropertyDefinitions = false;

		const { json, items, error } = await posthog.run(group.getPropertyDefinitions());

		expect(error).toBeUndefined();
		posthog.expectReceived([
			api.group.propertyDefinitions(),
			api.group.types(),
			fallbackPage(0),
			fallbackPage(1),
			fallbackPage(2),
		]);
		expect(json).toHaveLength(FALLBACK_DEFINITIONS.length);
		expect([...json].sort(byIndexThenName)).toEqual(FALLBACK_DEFINITIONS);
		for (const item of items) expect(item.pairedItem).toEqual({ item: 0 });
	});

	test('getPropertyDefinitions fallback pages through more than 100 definitions of one type and outputs each once', async () => {
		posthog.emulator.state.legacyGroupPropertyDefinitions = false;
		const manyProperties = Object.fromEntries(
			Array.from({ length: 120 }, (_, i) => [`p${String(i).padStart(3, '0')}`, i]),
		);
		seedGroups(posthog.emulator.state, {
			projectId: 1,
			groupTypeIndex: 1,
			count: 1,
			prefix: 'wide',
			properties: manyProperties,
		});

		const { json, error } = await posthog.run(group.getPropertyDefinitions());

		expect(error).toBeUndefined();
		posthog.expectReceived([
			api.group.propertyDefinitions(),
			api.group.types(),
			fallbackPage(0),
			fallbackPage(1),
			fallbackPage(1, 100),
			fallbackPage(2),
		]);
		const expected = [
			...FALLBACK_DEFINITIONS,
			...Object.keys(manyProperties).map((name) => ({ group_type_index: 1, name, count: null })),
		].sort(byIndexThenName);
		expect(json).toHaveLength(130);
		expect([...json].sort(byIndexThenName)).toEqual(expected);
	});

	test('getPropertyDefinitions fallback with a key lacking property_definition:read fails with 403 naming that scope', async () => {
		posthog.emulator.state.legacyGroupPropertyDefinitions = false;
		posthog.emulator.state.keys.phx_group_read_only = { scopes: ['group:read'] };

		const { error } = await posthog.run(group.getPropertyDefinitions(), {
			credentials: posthog.credentials({ apiKey: 'phx_group_read_only' }),
		});

		expect(failure(error)).toMatchObject({
			message: "API key missing required scope 'property_definition:read'",
			httpCode: '403',
		});
		expect(error.description).toMatch(/property_definition:read/);
		posthog.expectReceived([api.group.propertyDefinitions(), api.group.types(), fallbackPage(0)], {
			apiKey: 'phx_group_read_only',
		});
	});

	test('getPropertyDefinitions does not hide a legacy-route error other than 404 (403 is reported, no fallback)', async () => {
		posthog.emulator.state.keys.phx_no_groups = { scopes: ['insight:read'] };

		const { error } = await posthog.run(group.getPropertyDefinitions(), {
			credentials: posthog.credentials({ apiKey: 'phx_no_groups' }),
		});

		expect(failure(error)).toMatchObject({
			message: "API key missing required scope 'group:read'",
			httpCode: '403',
		});
		posthog.expectReceived([api.group.propertyDefinitions()], { apiKey: 'phx_no_groups' });
	});
});
