// insightSharing → get: `GET insights/{insightId}/sharing/` (docs/posthog-api.md §3.1).
// An insight given by URL: test/lookups.test.js.
const { usePostHog, locator, failure, SEED } = require('../helpers/posthog');
const { insightSharing } = require('../helpers/operations');
const api = require('../helpers/api');

const posthog = usePostHog();

const SIGNUP_FUNNEL = SEED.insightIds.signupFunnel; // 101: shared, password protection on

// What PostHog answers for insight 101 in the seed: only the ACTIVE password (id 1) is listed.
const SIGNUP_FUNNEL_SHARING = {
	created_at: '2025-01-08T12:00:00Z',
	enabled: true,
	access_token: SEED.sharing.signupFunnelAccessToken,
	settings: { noHeader: true, legend: true },
	password_required: true,
	share_passwords: [
		{
			id: SEED.sharing.passwordIds.boardMembers,
			created_at: '2025-01-08T12:05:00Z',
			note: 'Board members',
			created_by_email: SEED.userEmail,
			is_active: true,
		},
	],
};

const get = (insightId) => insightSharing.get({ insightId });

describe('insightSharing get', () => {
	test('get (id mode) sends GET insights/101/sharing/ with the Bearer key and outputs the sharing configuration', async () => {
		const { json, items, error } = await posthog.run(get(locator('id', SIGNUP_FUNNEL)));

		expect(error).toBeUndefined();
		posthog.expectReceived([api.insightSharing.get(101)]);
		expect(json).toEqual([SIGNUP_FUNNEL_SHARING]);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	test('get does not change the stored sharing configuration', async () => {
		const before = JSON.parse(JSON.stringify(posthog.emulator.state.sharing));

		const { error } = await posthog.run(get(locator('id', SIGNUP_FUNNEL)));

		expect(error).toBeUndefined();
		expect(posthog.emulator.state.sharing).toEqual(before);
	});

	test('get (list mode) uses the numeric id the insight list returns as the locator value', async () => {
		const { json, error } = await posthog.run(get(locator('list', SEED.insightIds.revenueByPlan)));

		expect(error).toBeUndefined();
		posthog.expectReceived([api.insightSharing.get(103)]);
		expect(json).toEqual([
			{
				created_at: '2025-01-09T12:00:00Z',
				enabled: true,
				access_token: SEED.sharing.revenueByPlanAccessToken,
				settings: null,
				password_required: false,
				share_passwords: [],
			},
		]);
	});

	test('get (id mode) refuses a non-numeric insight id before any request', async () => {
		const { error } = await posthog.run(get(locator('id', 'aB3dE5fG')));

		// n8n's own check of the "By ID" mode's regex answers first: "An insight ID is a number".
		expect(error.message).toMatch(
			/An insight ID is a number|"aB3dE5fG" is not a numeric insight ID/,
		);
		posthog.expectReceived([]);
	});

	test('get (id mode) refuses a non-numeric insight id coming from an expression before any request', async () => {
		const { error } = await posthog.run(get(locator('id', '={{ $json.insight }}')), {
			input: [{ json: { insight: 'not-a-number' } }],
		});

		expect(error.message).toBe('Insight: "not-a-number" is not a numeric insight ID');
		posthog.expectReceived([]);
	});

	test('get (id mode) resolves the insight id per item from an expression', async () => {
		const { json, items, error } = await posthog.run(get(locator('id', '={{ $json.insight }}')), {
			input: [{ json: { insight: 103 } }, { json: { insight: 101 } }],
		});

		expect(error).toBeUndefined();
		posthog.expectReceived([api.insightSharing.get(103), api.insightSharing.get(101)], {
			itemOf: (request) => request.path,
		});
		expect(json).toHaveLength(2);
		expect(json[0].access_token).toBe(SEED.sharing.revenueByPlanAccessToken);
		expect(json[1].access_token).toBe(SEED.sharing.signupFunnelAccessToken);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	test('get of a never-shared insight outputs PostHog’s unsaved default (disabled, no passwords)', async () => {
		const { json, error } = await posthog.run(
			get(locator('id', SEED.insightIds.weeklyActiveUsers)),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([api.insightSharing.get(102)]);
		expect(json).toEqual([
			{
				created_at: null,
				enabled: false,
				access_token: expect.any(String),
				settings: null,
				password_required: false,
				share_passwords: [],
			},
		]);
	});

	test('get of an unknown numeric insight id fails with PostHog’s 404 "Insight not found."', async () => {
		const { error } = await posthog.run(get(locator('id', 999)));

		expect(failure(error)).toMatchObject({ message: 'Insight not found.', httpCode: '404' });
		posthog.expectReceived([api.insightSharing.get(999)]);
	});

	test('get works with a key that has only sharing_configuration:read', async () => {
		posthog.emulator.state.keys['phx_ro'] = { scopes: ['sharing_configuration:read'] };

		const { json, error } = await posthog.run(get(locator('id', SIGNUP_FUNNEL)), {
			credentials: posthog.credentials({ apiKey: 'phx_ro' }),
		});

		expect(error).toBeUndefined();
		posthog.expectReceived([api.insightSharing.get(101)], { apiKey: 'phx_ro' });
		expect(json).toEqual([SIGNUP_FUNNEL_SHARING]);
	});

	test('a 429 on sharing names PostHog’s default limits: sharing is not throttled like insights', async () => {
		const faults = require('../emulator/faults');
		posthog.emulator.override = faults.always(faults.rateLimited({ seconds: 1 }));

		const { error } = await posthog.run(
			insightSharing.get({
				insightId: locator('id', SIGNUP_FUNNEL),
				options: { retryOnRateLimit: false },
			}),
		);

		expect(error.httpCode).toBe('429');
		expect(error.description).toMatch(
			/^PostHog allows 480 requests a minute and 4,800 an hour per personal API key for this endpoint\./,
		);
	});
});
