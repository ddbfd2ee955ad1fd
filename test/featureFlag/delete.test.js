const { usePostHog, locator, SEED } = require('../helpers/posthog');
const { featureFlag } = require('../helpers/operations');

const posthog = usePostHog();

const LIST = '/api/projects/1/feature_flags/';
const ids = SEED.featureFlagIds;
const flagOf = (id) => posthog.emulator.state.featureFlags.find((flag) => flag.id === id);

describe('featureFlag delete', () => {
	test('sends PATCH {deleted: true} (PostHog refuses DELETE with 405) and outputs the flag with deleted: true', async () => {
		const { json, items, error } = await posthog.run(
			featureFlag.delete({ featureFlagId: locator('id', ids.darkModeTest) }),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([{ method: 'PATCH', path: `${LIST}18/`, body: { deleted: true } }]);
		expect(json).toHaveLength(1);
		expect(json[0]).toMatchObject({ id: 18, key: 'dark-mode-test', deleted: true });
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(flagOf(ids.darkModeTest).deleted).toBe(true);
	});

	test('By Key: the exact key is looked up, then the flag is deleted', async () => {
		const { json, error } = await posthog.run(
			featureFlag.delete({ featureFlagId: locator('key', 'beta') }),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			{ method: 'GET', path: LIST, query: { search: 'beta' } },
			{ method: 'PATCH', path: `${LIST}16/`, body: { deleted: true } },
		]);
		expect(json[0]).toMatchObject({ key: 'beta', deleted: true });
		expect(flagOf(ids.betaCheckout).deleted).toBe(false);
		expect(flagOf(ids.betaBanner).deleted).toBe(false);
	});

	test('with Continue On Fail, a flag that does not exist gives an error item, the others are deleted', async () => {
		const { json, items, error } = await posthog.run(
			featureFlag.delete({ featureFlagId: locator('id', '={{ $json.id }}') }),
			{ input: [{ json: { id: 999 } }, { json: { id: ids.darkModeTest } }], continueOnFail: true },
		);

		expect(error).toBeUndefined();
		expect(json[0].error).toBe('Not found.');
		expect(json[1]).toMatchObject({ id: 18, deleted: true });
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});
