// insightSharing → get: `GET insights/{insightId}/sharing/` (contract.md; posthog-api.md §3.1).
const { usePostHog, locator, SEED } = require('../helpers/posthog');

const posthog = usePostHog();

const SIGNUP_FUNNEL = SEED.insightIds.signupFunnel; // 101: shared, password protection on
const SIGNUP_FUNNEL_URL = `https://us.posthog.com/project/1/insights/${SEED.insightShortIds.signupFunnel}`;

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

const get = (insightId) => ({ resource: 'insightSharing', operation: 'get', insightId });

function expectSharingGet(request, insightId) {
	expect(request.method).toBe('GET');
	expect(request.path).toBe(`/api/projects/1/insights/${insightId}/sharing/`);
	expect(request.query).toEqual({});
	expect(request.body).toBeUndefined();
	expect(request.rawBody).toBe('');
	expect(request.headers.authorization).toBe(`Bearer ${posthog.emulator.apiKey}`);
}

function expectShortIdLookUp(request, shortId) {
	expect(request.method).toBe('GET');
	expect(request.path).toBe('/api/projects/1/insights/');
	expect(request.query).toEqual({ short_id: shortId, basic: 'true' });
	expect(request.body).toBeUndefined();
	expect(request.headers.authorization).toBe(`Bearer ${posthog.emulator.apiKey}`);
}

describe('insightSharing get', () => {
	test('get (id mode) sends GET insights/101/sharing/ with the Bearer key and outputs the sharing configuration', async () => {
		const { json, items, error } = await posthog.run(get(locator('id', SIGNUP_FUNNEL)));

		expect(error).toBeUndefined();
		expect(posthog.requests()).toHaveLength(1);
		expectSharingGet(posthog.lastRequest(), 101);
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
		expect(posthog.requests()).toHaveLength(1);
		expectSharingGet(posthog.lastRequest(), 103);
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

	test('get (url mode) looks the short id up with GET insights/?short_id=…&basic=true, then gets the sharing of numeric id 101', async () => {
		const { json, error } = await posthog.run(get(locator('url', SIGNUP_FUNNEL_URL)));

		expect(error).toBeUndefined();
		const requests = posthog.requests();
		expect(requests).toHaveLength(2);
		expectShortIdLookUp(requests[0], 'aB3dE5fG');
		expectSharingGet(requests[1], 101);
		expect(json).toEqual([SIGNUP_FUNNEL_SHARING]);
	});

	test('get (url mode) with 3 input items looks the short id up once and sends 3 sharing requests, one output per item', async () => {
		const shortId = SEED.insightShortIds.signupFunnel;

		const { json, items, error } = await posthog.run(
			get(locator('url', `https://eu.posthog.com/project/1/insights/${shortId}?tab=share`)),
			{ input: [{ json: { n: 0 } }, { json: { n: 1 } }, { json: { n: 2 } }] },
		);

		expect(error).toBeUndefined();
		const requests = posthog.requests();
		const lookUps = requests.filter((r) => r.path === '/api/projects/1/insights/');
		const sharing = requests.filter((r) => r.path === '/api/projects/1/insights/101/sharing/');
		expect(lookUps).toHaveLength(1);
		expectShortIdLookUp(lookUps[0], shortId);
		expect(sharing).toHaveLength(3);
		for (const request of sharing) expectSharingGet(request, 101);
		expect(requests).toHaveLength(4);
		expect(requests[0]).toBe(lookUps[0]);
		expect(json).toEqual([SIGNUP_FUNNEL_SHARING, SIGNUP_FUNNEL_SHARING, SIGNUP_FUNNEL_SHARING]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	test('get (url mode) with an unknown short id fails with a clear error and sends no sharing request', async () => {
		const { json, error } = await posthog.run(
			get(locator('url', 'https://us.posthog.com/project/1/insights/nOsUcH99')),
		);

		expect(json).toEqual([]);
		expect(error).toBeDefined();
		expect(error.message).toBe('Insight: no insight with short ID "nOsUcH99" in project 1');
		const requests = posthog.requests();
		expect(requests).toHaveLength(1);
		expectShortIdLookUp(requests[0], 'nOsUcH99');
		expect(requests.some((r) => r.path.includes('/sharing/'))).toBe(false);
	});

	test('get (url mode) of a soft-deleted insight fails like an unknown short id (the list excludes it)', async () => {
		const { error } = await posthog.run(
			get(locator('url', `https://us.posthog.com/project/1/insights/${SEED.insightShortIds.oldRetention}`)),
		);

		expect(error).toBeDefined();
		expect(error.message).toBe(
			`Insight: no insight with short ID "${SEED.insightShortIds.oldRetention}" in project 1`,
		);
		expect(posthog.requests()).toHaveLength(1);
		expect(posthog.requests().some((r) => r.path.includes('/sharing/'))).toBe(false);
	});

	test('get (url mode) with a key lacking insight:read fails on the look-up with a 403 naming insight:read', async () => {
		const shortId = SEED.insightShortIds.signupFunnel;
		posthog.emulator.state.keys['phx_sharing_only'] = { scopes: ['sharing_configuration:read'] };

		const { error } = await posthog.run(get(locator('url', `https://us.posthog.com/project/1/insights/${shortId}`)), {
			credentials: posthog.credentials({ apiKey: 'phx_sharing_only' }),
		});

		expect(error).toBeDefined();
		expect(error.message).toBe("API key missing required scope 'insight:read'");
		expect(error.httpCode).toBe('403');
		expect(error.description).toContain('insight:read');
		const requests = posthog.requests();
		expect(requests).toHaveLength(1);
		expect(requests[0].path).toBe('/api/projects/1/insights/');
		expect(requests[0].headers.authorization).toBe('Bearer phx_sharing_only');
	});

	test('get (id mode) refuses a non-numeric insight id before any request', async () => {
		const { error } = await posthog.run(get(locator('id', 'aB3dE5fG')));

		expect(error).toBeDefined();
		// n8n's own check of the "By ID" mode's regex answers first: "An insight ID is a number".
		expect(error.message).toMatch(/An insight ID is a number|"aB3dE5fG" is not a numeric insight ID/);
		expect(posthog.requests()).toHaveLength(0);
	});

	test('get (id mode) refuses a non-numeric insight id coming from an expression before any request', async () => {
		const { error } = await posthog.run(get(locator('id', '={{ $json.insight }}')), {
			input: [{ json: { insight: 'not-a-number' } }],
		});

		expect(error).toBeDefined();
		expect(error.message).toBe('Insight: "not-a-number" is not a numeric insight ID');
		expect(posthog.requests()).toHaveLength(0);
	});

	test('get (id mode) resolves the insight id per item from an expression', async () => {
		const { json, items, error } = await posthog.run(get(locator('id', '={{ $json.insight }}')), {
			input: [{ json: { insight: 103 } }, { json: { insight: 101 } }],
		});

		expect(error).toBeUndefined();
		const paths = posthog
			.requests()
			.map((r) => r.path)
			.sort();
		expect(paths).toEqual(['/api/projects/1/insights/101/sharing/', '/api/projects/1/insights/103/sharing/']);
		expect(json).toHaveLength(2);
		expect(json[0].access_token).toBe(SEED.sharing.revenueByPlanAccessToken);
		expect(json[1].access_token).toBe(SEED.sharing.signupFunnelAccessToken);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	test('get of a never-shared insight outputs PostHog’s unsaved default (disabled, no passwords)', async () => {
		const { json, error } = await posthog.run(get(locator('id', SEED.insightIds.weeklyActiveUsers)));

		expect(error).toBeUndefined();
		expectSharingGet(posthog.lastRequest(), 102);
		expect(json).toHaveLength(1);
		expect(json[0]).toEqual({
			created_at: null,
			enabled: false,
			access_token: expect.any(String),
			settings: null,
			password_required: false,
			share_passwords: [],
		});
	});

	test('get of an unknown numeric insight id fails with PostHog’s 404 "Insight not found."', async () => {
		const { error } = await posthog.run(get(locator('id', 999)));

		expect(error).toBeDefined();
		expect(error.message).toBe('Insight not found.');
		expect(error.httpCode).toBe('404');
		expect(posthog.requests()).toHaveLength(1);
		expectSharingGet(posthog.lastRequest(), 999);
	});

	test('get works with a key that has only sharing_configuration:read', async () => {
		posthog.emulator.state.keys['phx_ro'] = { scopes: ['sharing_configuration:read'] };

		const { json, error } = await posthog.run(get(locator('id', SIGNUP_FUNNEL)), {
			credentials: posthog.credentials({ apiKey: 'phx_ro' }),
		});

		expect(error).toBeUndefined();
		expect(posthog.lastRequest().headers.authorization).toBe('Bearer phx_ro');
		expect(json).toEqual([SIGNUP_FUNNEL_SHARING]);
	});
});
