// insightSharing → refresh: `POST insights/{insightId}/sharing/refresh/` with no body
// (docs/posthog-api.md §3.4): a new configuration with a new access_token.
// An insight given by URL: test/lookups.test.js.
const { usePostHog, locator, failure, SEED } = require('../helpers/posthog');
const { insightSharing } = require('../helpers/operations');
const api = require('../helpers/api');

const posthog = usePostHog();

const SIGNUP_FUNNEL = SEED.insightIds.signupFunnel; // 101
const OLD_TOKEN = SEED.sharing.signupFunnelAccessToken;
const NOW = '2025-03-01T09:30:00Z';

const refresh = (insightId) => insightSharing.refresh({ insightId });

const configsOf = (insightId) =>
	posthog.emulator.state.sharing.filter((c) => c.insight_id === insightId);
const activeTokensOf = (insightId) =>
	configsOf(insightId)
		.filter((c) => c.expires_at === null)
		.map((c) => c.access_token);

describe('insightSharing refresh', () => {
	beforeEach(() => {
		posthog.emulator.now = () => new Date(NOW);
	});

	test('refresh (id mode) sends POST insights/101/sharing/refresh/ with no body and outputs the new configuration', async () => {
		const { json, items, error } = await posthog.run(refresh(locator('id', SIGNUP_FUNNEL)));

		expect(error).toBeUndefined();
		// contract: no body at all (not even `{}`)
		posthog.expectReceived([api.insightSharing.refresh(101)]);
		expect(json).toEqual([
			{
				created_at: NOW,
				enabled: true,
				access_token: expect.any(String),
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
			},
		]);
		expect(json[0].access_token).not.toBe(OLD_TOKEN);
		expect(json[0].access_token.length).toBeGreaterThan(0);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	test('refresh rotates the token in PostHog: the new token is the only active one and the old one expires', async () => {
		const { json, error } = await posthog.run(refresh(locator('id', SIGNUP_FUNNEL)));

		expect(error).toBeUndefined();
		expect(activeTokensOf(101)).toEqual([json[0].access_token]);
		expect(json[0].access_token).not.toBe(OLD_TOKEN);
		const old = configsOf(101).find((c) => c.access_token === OLD_TOKEN);
		expect(old.expires_at).not.toBeNull();
		// other insights are untouched
		expect(activeTokensOf(103)).toEqual([SEED.sharing.revenueByPlanAccessToken]);
	});

	test('refresh then get: get outputs the token refresh returned', async () => {
		const refreshed = await posthog.run(refresh(locator('id', SIGNUP_FUNNEL)));
		const fetched = await posthog.run(insightSharing.get({ insightId: locator('id', 101) }));

		expect(refreshed.error).toBeUndefined();
		expect(fetched.error).toBeUndefined();
		expect(fetched.json[0].access_token).toBe(refreshed.json[0].access_token);
		expect(fetched.json[0].access_token).not.toBe(OLD_TOKEN);
	});

	test('refresh (list mode) uses the numeric id from the insight list', async () => {
		const { json, error } = await posthog.run(
			refresh(locator('list', SEED.insightIds.revenueByPlan)),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([api.insightSharing.refresh(103)]);
		expect(json[0].access_token).not.toBe(SEED.sharing.revenueByPlanAccessToken);
		expect(activeTokensOf(103)).toEqual([json[0].access_token]);
	});

	test('refresh (id mode) refuses a non-numeric insight id before any request', async () => {
		const { error } = await posthog.run(refresh(locator('id', 'aB3dE5fG')));

		// n8n's check of the "By ID" mode's regex, or the node's own check
		expect(error.message).toMatch(
			/An insight ID is a number|"aB3dE5fG" is not a numeric insight ID/,
		);
		posthog.expectReceived([]);
		expect(activeTokensOf(101)).toEqual([OLD_TOKEN]);
	});

	test('refresh (id mode) refuses a non-numeric insight id from an expression before any request', async () => {
		const { error } = await posthog.run(refresh(locator('id', '={{ $json.insight }}')), {
			input: [{ json: { insight: 'aB3dE5fG' } }],
		});

		expect(error.message).toBe('Insight: "aB3dE5fG" is not a numeric insight ID');
		posthog.expectReceived([]);
		expect(activeTokensOf(101)).toEqual([OLD_TOKEN]);
	});

	test('refresh with a key that has only sharing_configuration:read fails with a 403 whose description names sharing_configuration:write', async () => {
		posthog.emulator.state.keys['phx_ro'] = { scopes: ['sharing_configuration:read'] };

		const { error } = await posthog.run(refresh(locator('id', SIGNUP_FUNNEL)), {
			credentials: posthog.credentials({ apiKey: 'phx_ro' }),
		});

		expect(failure(error)).toMatchObject({
			message: "API key missing required scope 'sharing_configuration:write'",
			httpCode: '403',
		});
		expect(error.description).toContain('sharing_configuration:write');
		posthog.expectReceived([api.insightSharing.refresh(101)], { apiKey: 'phx_ro' });
		expect(activeTokensOf(101)).toEqual([OLD_TOKEN]);
	});

	test('refresh of an insight the user may only view fails with PostHog’s 403 edit-permission message', async () => {
		posthog.emulator.state.insights.find((i) => i.id === 101).user_access_level = 'viewer';

		const { error } = await posthog.run(refresh(locator('id', SIGNUP_FUNNEL)));

		expect(failure(error)).toMatchObject({
			message: "You don't have edit permissions for this insight.",
			httpCode: '403',
		});
		posthog.expectReceived([api.insightSharing.refresh(101)]);
		expect(activeTokensOf(101)).toEqual([OLD_TOKEN]);
	});

	test('refresh of an unknown insight id fails with PostHog’s 404 "Insight not found."', async () => {
		const { error } = await posthog.run(refresh(locator('id', 999)));

		expect(failure(error)).toMatchObject({ message: 'Insight not found.', httpCode: '404' });
		posthog.expectReceived([api.insightSharing.refresh(999)]);
	});
});
