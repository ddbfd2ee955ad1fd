const { usePostHog, locator, SEED } = require('../helpers/posthog');
const { featureFlag } = require('../helpers/operations');

const posthog = usePostHog();

const LIST = '/api/projects/1/feature_flags/';
const ids = SEED.featureFlagIds;

describe('featureFlag get and the Feature Flag locator', () => {
	test.each(['id', 'list'])(
		'mode %s sends the numeric ID and outputs the flag as PostHog returned it',
		async (mode) => {
			const { json, items, error } = await posthog.run(
				featureFlag.get({ featureFlagId: locator(mode, ids.newOnboarding) }),
			);

			expect(error).toBeUndefined();
			posthog.expectReceived([{ method: 'GET', path: `${LIST}${ids.newOnboarding}/` }]);
			expect(json).toHaveLength(1);
			expect(json[0]).toMatchObject({
				id: 12,
				key: 'new-onboarding',
				name: 'New onboarding flow',
				version: 3,
			});
			expect(items[0].pairedItem).toEqual({ item: 0 });
		},
	);

	test('By Key searches and takes the EXACT key among substring matches (beta, not beta-checkout or beta-banner)', async () => {
		const { json, error } = await posthog.run(
			featureFlag.get({ featureFlagId: locator('key', 'beta') }),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			{ method: 'GET', path: LIST, query: { search: 'beta' } },
			{ method: 'GET', path: `${LIST}${ids.beta}/` },
		]);
		expect(json[0]).toMatchObject({ id: ids.beta, key: 'beta' });
	});

	test('By Key follows the search pages until the exact key appears', async () => {
		// 120 flags whose keys contain "beta", all newer than "beta" itself: the exact match is on page 2
		for (let n = 0; n < 120; n++) {
			posthog.emulator.state.featureFlags.push({
				...posthog.emulator.state.featureFlags[0],
				id: 200 + n,
				key: `beta-${n}`,
				created_at: '2025-01-20T00:00:00Z',
			});
		}

		const { json, error } = await posthog.run(
			featureFlag.get({ featureFlagId: locator('key', 'beta') }),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			{ method: 'GET', path: LIST, query: { search: 'beta' } },
			{ method: 'GET', path: LIST, query: { search: 'beta', offset: '100' } },
			{ method: 'GET', path: `${LIST}${ids.beta}/` },
		]);
		expect(json[0].key).toBe('beta');
	});

	test('the same key on every item is looked up once per execution', async () => {
		const { json, error } = await posthog.run(
			featureFlag.get({ featureFlagId: locator('key', 'beta-banner') }),
			{ input: [{ json: {} }, { json: {} }, { json: {} }] },
		);

		expect(error).toBeUndefined();
		const requests = posthog.requests();
		expect(requests.filter((request) => request.path === LIST)).toHaveLength(1);
		expect(requests.filter((request) => request.path === `${LIST}${ids.betaBanner}/`)).toHaveLength(
			3,
		);
		expect(json.map((flag) => flag.key)).toEqual(['beta-banner', 'beta-banner', 'beta-banner']);
	});

	test('a key no flag has (here: the key of a deleted flag) is an error naming it', async () => {
		const { error } = await posthog.run(
			featureFlag.get({ featureFlagId: locator('key', 'old-checkout') }),
		);

		expect(error.message).toBe(
			'Feature Flag: no feature flag with key "old-checkout" in project 1',
		);
		posthog.expectReceived([{ method: 'GET', path: LIST, query: { search: 'old-checkout' } }]);
	});

	test('a deleted flag is still found by ID, with deleted: true', async () => {
		const { json, error } = await posthog.run(
			featureFlag.get({ featureFlagId: locator('id', ids.oldCheckout) }),
		);

		expect(error).toBeUndefined();
		expect(json[0]).toMatchObject({ id: ids.oldCheckout, key: 'old-checkout', deleted: true });
	});

	test.each([
		['key', 'new checkout!', /^Feature Flag: "new checkout!" is not a feature flag key/],
		['id', 'new-onboarding', /^Feature Flag: "new-onboarding" is not a numeric feature flag ID/],
	])('By %s refuses "%s" from an expression before any request', async (mode, value, message) => {
		const { error } = await posthog.run(
			featureFlag.get({ featureFlagId: locator(mode, '={{ $json.flag }}') }),
			{ input: [{ json: { flag: value } }] },
		);

		expect(error.message).toMatch(message);
		expect(posthog.requests()).toHaveLength(0);
	});
});
