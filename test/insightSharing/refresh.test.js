// insightSharing → refresh: `POST insights/{insightId}/sharing/refresh/` with no body
// (contract.md; posthog-api.md §3.4): a new configuration with a new access_token.
const { usePostHog, locator, SEED } = require('../helpers/posthog');

const posthog = usePostHog();

const SIGNUP_FUNNEL = SEED.insightIds.signupFunnel; // 101
const OLD_TOKEN = SEED.sharing.signupFunnelAccessToken;
const SIGNUP_FUNNEL_URL = `https://us.posthog.com/project/1/insights/${SEED.insightShortIds.signupFunnel}`;
const NOW = '2025-03-01T09:30:00Z';

const refresh = (insightId) => ({ resource: 'insightSharing', operation: 'refresh', insightId });

const configsOf = (insightId) => posthog.emulator.state.sharing.filter((c) => c.insight_id === insightId);
const activeConfigsOf = (insightId) => configsOf(insightId).filter((c) => c.expires_at === null);

function expectRefreshRequest(request, insightId, apiKey = posthog.emulator.apiKey) {
	expect(request.method).toBe('POST');
	expect(request.path).toBe(`/api/projects/1/insights/${insightId}/sharing/refresh/`);
	expect(request.query).toEqual({});
	// contract: no body at all (not even `{}`)
	expect(request.body).toBeUndefined();
	expect(request.rawBody).toBe('');
	expect(request.headers.authorization).toBe(`Bearer ${apiKey}`);
}

describe('insightSharing refresh', () => {
	beforeEach(() => {
		posthog.emulator.now = () => new Date(NOW);
	});

	test('refresh (id mode) sends POST insights/101/sharing/refresh/ with no body and outputs the new configuration', async () => {
		const { json, items, error } = await posthog.run(refresh(locator('id', SIGNUP_FUNNEL)));

		expect(error).toBeUndefined();
		expect(posthog.requests()).toHaveLength(1);
		expectRefreshRequest(posthog.lastRequest(), 101);
		expect(json).toHaveLength(1);
		expect(json[0]).toEqual({
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
		});
		expect(json[0].access_token).not.toBe(OLD_TOKEN);
		expect(json[0].access_token.length).toBeGreaterThan(0);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	test('refresh rotates the token in PostHog: the new token is the only active one and the old one expires', async () => {
		const { json, error } = await posthog.run(refresh(locator('id', SIGNUP_FUNNEL)));

		expect(error).toBeUndefined();
		const active = activeConfigsOf(101);
		expect(active).toHaveLength(1);
		expect(active[0].access_token).toBe(json[0].access_token);
		expect(active[0].access_token).not.toBe(OLD_TOKEN);
		const old = configsOf(101).find((c) => c.access_token === OLD_TOKEN);
		expect(old.expires_at).not.toBeNull();
		// other insights are untouched
		expect(activeConfigsOf(103).map((c) => c.access_token)).toEqual([SEED.sharing.revenueByPlanAccessToken]);
	});

	test('refresh then get: get outputs the token refresh returned', async () => {
		const refreshed = await posthog.run(refresh(locator('id', SIGNUP_FUNNEL)));
		const fetched = await posthog.run({ resource: 'insightSharing', operation: 'get', insightId: locator('id', 101) });

		expect(refreshed.error).toBeUndefined();
		expect(fetched.error).toBeUndefined();
		expect(fetched.json[0].access_token).toBe(refreshed.json[0].access_token);
		expect(fetched.json[0].access_token).not.toBe(OLD_TOKEN);
	});

	test('refresh (list mode) uses the numeric id from the insight list', async () => {
		const { json, error } = await posthog.run(refresh(locator('list', SEED.insightIds.revenueByPlan)));

		expect(error).toBeUndefined();
		expect(posthog.requests()).toHaveLength(1);
		expectRefreshRequest(posthog.lastRequest(), 103);
		expect(json[0].access_token).not.toBe(SEED.sharing.revenueByPlanAccessToken);
		expect(activeConfigsOf(103).map((c) => c.access_token)).toEqual([json[0].access_token]);
	});

	test('refresh (url mode) looks the short id up with GET insights/?short_id=…&basic=true, then refreshes numeric id 101', async () => {
		// The only test in this file that uses the seeded short id.
		const { json, error } = await posthog.run(refresh(locator('url', SIGNUP_FUNNEL_URL)));

		expect(error).toBeUndefined();
		const requests = posthog.requests();
		expect(requests).toHaveLength(2);
		expect(requests[0].method).toBe('GET');
		expect(requests[0].path).toBe('/api/projects/1/insights/');
		expect(requests[0].query).toEqual({ short_id: 'aB3dE5fG', basic: 'true' });
		expect(requests[0].headers.authorization).toBe(`Bearer ${posthog.emulator.apiKey}`);
		expectRefreshRequest(requests[1], 101);
		expect(json[0].access_token).not.toBe(OLD_TOKEN);
		expect(activeConfigsOf(101).map((c) => c.access_token)).toEqual([json[0].access_token]);
	});

	test('refresh (url mode) with 3 input items: 1 look-up, 3 refresh requests, 3 different new tokens', async () => {
		const shortId = SEED.insightShortIds.signupFunnel;

		const { json, items, error } = await posthog.run(
			refresh(locator('url', `https://us.posthog.com/project/1/insights/${shortId}`)),
			{ input: [{ json: {} }, { json: {} }, { json: {} }] },
		);

		expect(error).toBeUndefined();
		const requests = posthog.requests();
		const lookUps = requests.filter((r) => r.path === '/api/projects/1/insights/');
		expect(lookUps).toHaveLength(1);
		expect(lookUps[0].query).toEqual({ short_id: shortId, basic: 'true' });
		expect(requests[0]).toBe(lookUps[0]);
		const refreshes = requests.filter((r) => r.path === '/api/projects/1/insights/101/sharing/refresh/');
		expect(refreshes).toHaveLength(3);
		for (const request of refreshes) expectRefreshRequest(request, 101);
		expect(requests).toHaveLength(4);
		const tokens = json.map((j) => j.access_token);
		expect(new Set([OLD_TOKEN, ...tokens]).size).toBe(4);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	test('refresh (url mode) with an unknown short id fails with a clear error and sends no refresh request', async () => {
		const { error } = await posthog.run(refresh(locator('url', 'https://us.posthog.com/project/1/insights/nOsUcH99')));

		expect(error).toBeDefined();
		expect(error.message).toBe('Insight: no insight with short ID "nOsUcH99" in project 1');
		const requests = posthog.requests();
		expect(requests).toHaveLength(1);
		expect(requests[0].path).toBe('/api/projects/1/insights/');
		expect(requests[0].query).toEqual({ short_id: 'nOsUcH99', basic: 'true' });
		expect(activeConfigsOf(101).map((c) => c.access_token)).toEqual([OLD_TOKEN]);
	});

	test('refresh (id mode) refuses a non-numeric insight id before any request', async () => {
		const { error } = await posthog.run(refresh(locator('id', 'aB3dE5fG')));

		expect(error).toBeDefined();
		// n8n's check of the "By ID" mode's regex, or the node's own check
		expect(error.message).toMatch(/An insight ID is a number|"aB3dE5fG" is not a numeric insight ID/);
		expect(posthog.requests()).toHaveLength(0);
		expect(activeConfigsOf(101).map((c) => c.access_token)).toEqual([OLD_TOKEN]);
	});

	test('refresh (id mode) refuses a non-numeric insight id from an expression before any request', async () => {
		const { error } = await posthog.run(refresh(locator('id', '={{ $json.insight }}')), {
			input: [{ json: { insight: 'aB3dE5fG' } }],
		});

		expect(error).toBeDefined();
		expect(error.message).toBe('Insight: "aB3dE5fG" is not a numeric insight ID');
		expect(posthog.requests()).toHaveLength(0);
		expect(activeConfigsOf(101).map((c) => c.access_token)).toEqual([OLD_TOKEN]);
	});

	test('refresh with a key that has only sharing_configuration:read fails with a 403 whose description names sharing_configuration:write', async () => {
		posthog.emulator.state.keys['phx_ro'] = { scopes: ['sharing_configuration:read'] };

		const { error } = await posthog.run(refresh(locator('id', SIGNUP_FUNNEL)), {
			credentials: posthog.credentials({ apiKey: 'phx_ro' }),
		});

		expect(error).toBeDefined();
		expect(error.httpCode).toBe('403');
		expect(error.message).toBe("API key missing required scope 'sharing_configuration:write'");
		expect(error.description).toContain('sharing_configuration:write');
		expect(posthog.requests()).toHaveLength(1);
		expectRefreshRequest(posthog.lastRequest(), 101, 'phx_ro');
		expect(activeConfigsOf(101).map((c) => c.access_token)).toEqual([OLD_TOKEN]);
	});

	test('refresh of an insight the user may only view fails with PostHog’s 403 edit-permission message', async () => {
		posthog.emulator.state.insights.find((i) => i.id === 101).user_access_level = 'viewer';

		const { error } = await posthog.run(refresh(locator('id', SIGNUP_FUNNEL)));

		expect(error).toBeDefined();
		expect(error.httpCode).toBe('403');
		expect(error.message).toBe("You don't have edit permissions for this insight.");
		expect(activeConfigsOf(101).map((c) => c.access_token)).toEqual([OLD_TOKEN]);
	});

	test('refresh of an unknown insight id fails with PostHog’s 404 "Insight not found."', async () => {
		const { error } = await posthog.run(refresh(locator('id', 999)));

		expect(error).toBeDefined();
		expect(error.httpCode).toBe('404');
		expect(error.message).toBe('Insight not found.');
		expectRefreshRequest(posthog.lastRequest(), 999);
	});
});
