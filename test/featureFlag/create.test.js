const { usePostHog } = require('../helpers/posthog');
const { featureFlag } = require('../helpers/operations');

const posthog = usePostHog();

const PATH = '/api/projects/1/feature_flags/';
const NOW = '2025-02-01T10:00:00Z';
const flagsWithKey = (key) =>
	posthog.emulator.state.featureFlags.filter((flag) => flag.project_id === 1 && flag.key === key);

describe('featureFlag create', () => {
	beforeEach(() => {
		posthog.emulator.now = () => new Date(NOW);
	});

	test('with only a key: active, an empty description and one release condition for 100% of users', async () => {
		const { json, items, error } = await posthog.run(featureFlag.create({ key: 'new-checkout' }));

		expect(error).toBeUndefined();
		posthog.expectReceived([
			{
				method: 'POST',
				path: PATH,
				body: {
					key: 'new-checkout',
					name: '',
					active: true,
					filters: { groups: [{ properties: [], rollout_percentage: 100 }] },
				},
			},
		]);
		expect(json).toHaveLength(1);
		expect(json[0]).toMatchObject({
			id: 31,
			key: 'new-checkout',
			name: '',
			active: true,
			deleted: false,
			filters: { groups: [{ properties: [], rollout_percentage: 100 }] },
			created_at: NOW,
		});
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(flagsWithKey('new-checkout')).toHaveLength(1);
	});

	test('the description is sent as name, with the given active state and rollout percentage', async () => {
		const { json, error } = await posthog.run(
			featureFlag.create({
				key: 'pricing_v3',
				additionalFields: { description: 'New pricing page', active: false, rolloutPercentage: 25 },
			}),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			{
				method: 'POST',
				path: PATH,
				body: {
					key: 'pricing_v3',
					name: 'New pricing page',
					active: false,
					filters: { groups: [{ properties: [], rollout_percentage: 25 }] },
				},
			},
		]);
		expect(json[0]).toMatchObject({ key: 'pricing_v3', name: 'New pricing page', active: false });
	});

	test('a key already taken fails with an error naming the key, and nothing is created', async () => {
		const { error, json } = await posthog.run(featureFlag.create({ key: 'beta' }));

		expect(json).toEqual([]);
		expect(error.httpCode).toBe('400');
		expect(error.message).toBe('A feature flag with the key "beta" already exists in this project');
		expect(error.description).toMatch(/Update/);
		expect(posthog.requests()).toHaveLength(1);
		expect(flagsWithKey('beta')).toHaveLength(1);
	});

	test('the key of a deleted flag can be used again', async () => {
		const { json, error } = await posthog.run(featureFlag.create({ key: 'old-checkout' }));

		expect(error).toBeUndefined();
		expect(json[0]).toMatchObject({ key: 'old-checkout', deleted: false });
	});

	test.each([
		[{ key: 'new checkout' }, /^Key: "new checkout" is not a feature flag key/],
		[{ key: 'ünïcode' }, /^Key: "ünïcode" is not a feature flag key/],
		[{ key: '   ' }, /^Key: must not be empty/],
		[
			{ key: 'ok-key', additionalFields: { rolloutPercentage: 101 } },
			/^Rollout Percentage: "101" is not a percentage from 0 to 100/,
		],
		[
			{ key: 'ok-key', additionalFields: { rolloutPercentage: -5 } },
			/^Rollout Percentage: "-5" is not a percentage/,
		],
		[
			{ key: 'ok-key', additionalFields: { rolloutPercentage: '={{ "half" }}' } },
			/^Rollout Percentage: "half" is not a percentage/,
		],
	])('%j is refused before any request', async (parameters, message) => {
		const { error } = await posthog.run(featureFlag.create({ ...parameters }));

		expect(error.message).toMatch(message);
		expect(posthog.requests()).toHaveLength(0);
	});

	test('a create is not retried after a 5xx: PostHog may have made the flag', async () => {
		const faults = require('../emulator/faults');
		posthog.emulator.override = faults.first(1, faults.serverError(503));

		const { error } = await posthog.run(featureFlag.create({ key: 'new-checkout' }));

		expect(error.httpCode).toBe('503');
		expect(posthog.requests()).toHaveLength(1);
	});
});
