const { usePostHog } = require('../helpers/posthog');
const { featureFlag } = require('../helpers/operations');

const posthog = usePostHog();

const PATH = '/api/projects/1/feature_flags/';
const keysOf = (json) => json.map((flag) => flag.key);

describe('featureFlag getAll', () => {
	beforeEach(() => {
		posthog.emulator.now = () => new Date('2025-02-01T00:00:00Z');
	});

	test('Return All pages by limit/offset and outputs one item per flag, newest first (deleted, archived and internal flags are not listed)', async () => {
		const { json, items, error } = await posthog.run(featureFlag.getAll({ returnAll: true }));

		expect(error).toBeUndefined();
		posthog.expectReceived([{ method: 'GET', path: PATH, query: { limit: '100', offset: '0' } }]);
		expect(keysOf(json)).toEqual([
			'dark-mode-test',
			'beta-checkout',
			'beta',
			'beta-banner',
			'new-onboarding',
		]);
		expect(json[4]).toMatchObject({
			id: 12,
			key: 'new-onboarding',
			name: 'New onboarding flow',
			active: true,
			filters: { groups: [{ properties: [], rollout_percentage: 50, variant: null }] },
		});
		expect(items.every((item) => item.pairedItem.item === 0)).toBe(true);
	});

	test.each([
		['true', ['beta-checkout', 'beta', 'beta-banner', 'new-onboarding']],
		['false', ['dark-mode-test']],
		['STALE', ['beta-banner']],
	])('filters.active %s is sent as active=%s', async (active, keys) => {
		const { json, error } = await posthog.run(
			featureFlag.getAll({ returnAll: true, filters: { active } }),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			{ method: 'GET', path: PATH, query: { active, limit: '100', offset: '0' } },
		]);
		expect(keysOf(json)).toEqual(keys);
	});

	test('filters.search matches keys and descriptions as substrings', async () => {
		const { json, error } = await posthog.run(
			featureFlag.getAll({ returnAll: true, filters: { search: 'beta' } }),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			{ method: 'GET', path: PATH, query: { search: 'beta', limit: '100', offset: '0' } },
		]);
		expect(keysOf(json)).toEqual(['beta-checkout', 'beta', 'beta-banner']);
	});

	test('the From List search lists flags by key and description, valued by numeric ID', async () => {
		const { results } = await posthog.callMethod('listSearch', 'searchFeatureFlags', {}, [
			'onboarding',
		]);

		expect(results).toEqual([
			{
				name: 'new-onboarding (New onboarding flow)',
				value: '12',
				url: `${posthog.emulator.url}/project/1/feature_flags/12`,
			},
		]);
		posthog.expectReceived([
			{ method: 'GET', path: PATH, query: { limit: '100', offset: '0', search: 'onboarding' } },
		]);
	});
});
