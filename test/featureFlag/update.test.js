const { usePostHog, locator, SEED } = require('../helpers/posthog');
const { featureFlag } = require('../helpers/operations');
const { PostHogManagement } = require('../helpers/builtPackage');

const posthog = usePostHog();

const LIST = '/api/projects/1/feature_flags/';
const ids = SEED.featureFlagIds;
const flagOf = (id) => posthog.emulator.state.featureFlags.find((flag) => flag.id === id);
const snapshot = (value) => JSON.parse(JSON.stringify(value));

describe('featureFlag update', () => {
	beforeEach(() => {
		posthog.emulator.now = () => new Date('2025-02-01T10:00:00Z');
	});

	test('sends a PATCH with only the fields given (active; description as name) and outputs the flag', async () => {
		const { json, items, error } = await posthog.run(
			featureFlag.update({
				featureFlagId: locator('id', ids.newOnboarding),
				updateFields: { active: false, description: 'Onboarding v2' },
			}),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			{ method: 'PATCH', path: `${LIST}12/`, body: { active: false, name: 'Onboarding v2' } },
		]);
		expect(json[0]).toMatchObject({ id: 12, active: false, name: 'Onboarding v2', version: 4 });
		expect(json[0].filters).toEqual({
			groups: [{ properties: [], rollout_percentage: 50, variant: null }],
			multivariate: null,
			payloads: {},
		});
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	test('Rollout Percentage reads the flag first and sets it on every release condition, keeping their properties', async () => {
		const condition = { key: 'email', value: '@acme.com', operator: 'icontains', type: 'person' };
		flagOf(ids.beta).filters.groups.push({ properties: [], rollout_percentage: 5, variant: null });

		const { json, error } = await posthog.run(
			featureFlag.update({
				featureFlagId: locator('id', ids.beta),
				updateFields: { rolloutPercentage: 75 },
			}),
		);

		expect(error).toBeUndefined();
		const groups = [
			{ properties: [condition], rollout_percentage: 75, variant: null },
			{ properties: [], rollout_percentage: 75, variant: null },
		];
		posthog.expectReceived([
			{ method: 'GET', path: `${LIST}16/`, body: undefined },
			{ method: 'PATCH', path: `${LIST}16/`, body: { filters: { groups } } },
		]);
		expect(json).toHaveLength(1);
		expect(json[0].filters).toEqual({ groups, multivariate: null, payloads: {} });
		expect(flagOf(ids.beta).filters.groups).toEqual(groups);
	});

	test('on a multivariate flag the variants are kept (PostHog merges the top-level keys of filters)', async () => {
		const before = snapshot(flagOf(ids.betaCheckout).filters);

		const { json, error } = await posthog.run(
			featureFlag.update({
				featureFlagId: locator('key', 'beta-checkout'),
				updateFields: { rolloutPercentage: 0, active: true },
			}),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			{ method: 'GET', path: LIST, query: { search: 'beta-checkout' } },
			{ method: 'GET', path: `${LIST}17/` },
			{
				method: 'PATCH',
				path: `${LIST}17/`,
				body: {
					active: true,
					filters: { groups: [{ properties: [], rollout_percentage: 0, variant: null }] },
				},
			},
		]);
		expect(json[0].filters).toEqual({
			...before,
			groups: [{ properties: [], rollout_percentage: 0, variant: null }],
		});
	});

	test('a flag without release conditions is not changed: the error says so after the read', async () => {
		flagOf(ids.betaBanner).filters.groups = [];
		const before = snapshot(flagOf(ids.betaBanner));

		const { error } = await posthog.run(
			featureFlag.update({
				featureFlagId: locator('id', ids.betaBanner),
				updateFields: { rolloutPercentage: 30, active: false },
			}),
		);

		expect(error.message).toBe(
			'Rollout Percentage: the flag has no release conditions to set it on',
		);
		posthog.expectReceived([{ method: 'GET', path: `${LIST}15/` }]);
		expect(flagOf(ids.betaBanner)).toEqual(before);
	});

	test.each([
		[{}, /^Update Fields: add at least one field to change/],
		[{ rolloutPercentage: 150 }, /^Rollout Percentage: "150" is not a percentage from 0 to 100/],
		// the field as the editor adds it now: empty, never "everyone"
		[
			{ rolloutPercentage: '' },
			/^Rollout Percentage: no percentage given: enter one from 0 to 100, or remove the field/,
		],
	])(
		'update fields %j are refused before any request, even the key look-up',
		async (updateFields, message) => {
			const { error } = await posthog.run(
				featureFlag.update({ featureFlagId: locator('key', 'beta'), updateFields }),
			);

			expect(error.message).toMatch(message);
			expect(posthog.requests()).toHaveLength(0);
		},
	);

	test('a 409 (an approval policy, or someone else’s change) is explained', async () => {
		posthog.emulator.override = (req, record) =>
			record.method === 'PATCH'
				? {
						status: 409,
						body: {
							type: 'invalid_request',
							code: 'conflict',
							detail: 'A change request was opened; the flag is unchanged.',
							attr: null,
						},
					}
				: undefined;

		const { error } = await posthog.run(
			featureFlag.update({
				featureFlagId: locator('id', ids.newOnboarding),
				updateFields: { active: false },
			}),
		);

		expect(error.httpCode).toBe('409');
		expect(error.message).toBe('A change request was opened; the flag is unchanged.');
		expect(error.description).toMatch(/approval policy.*change request.*someone changed the flag/);
		expect(posthog.requests()).toHaveLength(1);
	});

	test('PostHog’s own refusals (an archived flag cannot be switched on) keep their message', async () => {
		posthog.emulator.override = (req, record) =>
			record.method === 'PATCH'
				? {
						status: 400,
						body: {
							type: 'validation_error',
							code: 'invalid_input',
							detail: 'Cannot enable an archived feature flag. Unarchive it first.',
							attr: null,
						},
					}
				: undefined;

		const { error } = await posthog.run(
			featureFlag.update({
				featureFlagId: locator('id', ids.legacySearch),
				updateFields: { active: true },
			}),
		);

		expect(error.httpCode).toBe('400');
		expect(error.message).toBe('Cannot enable an archived feature flag. Unarchive it first.');
	});

	// n8n stores the value of every field added to a collection, default or not, and nothing for a
	// field never added; the new empty default changes neither.
	test.each([
		['set Rollout Percentage to 100', { rolloutPercentage: 100 }, 100],
		['never added Rollout Percentage', { active: true }, undefined],
	])('a saved 0.2 workflow that %s behaves as in 0.2', async (_, updateFields, rollout) => {
		const { error } = await posthog.run(
			featureFlag.update({ featureFlagId: locator('id', ids.newOnboarding), updateFields }),
		);

		expect(error).toBeUndefined();
		const patch = posthog.requests().find((request) => request.method === 'PATCH');
		expect(patch.body.filters?.groups.map((group) => group.rollout_percentage)).toEqual(
			rollout === undefined ? undefined : [rollout],
		);
		expect(flagOf(ids.newOnboarding).filters.groups[0].rollout_percentage).toBe(rollout ?? 50);
	});

	test('the field starts empty when added under Update, and at 100 under Create', () => {
		const { properties } = new PostHogManagement().description;
		const rolloutUnder = (operation, collection) =>
			properties
				.find(
					(p) =>
						p.name === collection &&
						p.displayOptions.show.resource.includes('featureFlag') &&
						p.displayOptions.show.operation.includes(operation),
				)
				.options.find((option) => option.name === 'rolloutPercentage');
		expect(rolloutUnder('update', 'updateFields').default).toBe('');
		expect(rolloutUnder('create', 'additionalFields').default).toBe(100);
	});
});
