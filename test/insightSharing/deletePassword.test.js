// insightSharing → deletePassword: `DELETE insights/{insightId}/sharing/passwords/{passwordId}/`
// (contract.md; posthog-api.md §3.3): a soft delete answered with 204 and no body.
const { usePostHog, locator, SEED } = require('../helpers/posthog');

const posthog = usePostHog();

const SIGNUP_FUNNEL = SEED.insightIds.signupFunnel; // 101: holds passwords 1 (active) and 2 (revoked)
const BOARD_MEMBERS = SEED.sharing.passwordIds.boardMembers; // 1, active
const REVOKED = SEED.sharing.passwordIds.revoked; // 2, already inactive
const SIGNUP_FUNNEL_URL = `https://us.posthog.com/project/1/insights/${SEED.insightShortIds.signupFunnel}`;

const deletePassword = (insightId, passwordId) => ({
	resource: 'insightSharing',
	operation: 'deletePassword',
	insightId,
	passwordId,
});

const storedPassword = (id) => posthog.emulator.state.sharePasswords.find((p) => p.id === id);
const activePasswordIds = () =>
	posthog.emulator.state.sharePasswords.filter((p) => p.is_active).map((p) => p.id);

function addPassword(id, note, insightId = SIGNUP_FUNNEL) {
	posthog.emulator.state.sharePasswords.push({
		id,
		insight_id: insightId,
		created_at: '2025-02-01T10:00:00Z',
		note,
		created_by_email: SEED.userEmail,
		is_active: true,
		password: `password-${id}-secret`,
	});
}

function expectDeleteRequest(request, insightId, passwordId, apiKey = posthog.emulator.apiKey) {
	expect(request.method).toBe('DELETE');
	expect(request.path).toBe(`/api/projects/1/insights/${insightId}/sharing/passwords/${passwordId}/`);
	expect(request.query).toEqual({});
	expect(request.body).toBeUndefined();
	expect(request.rawBody).toBe('');
	expect(request.headers.authorization).toBe(`Bearer ${apiKey}`);
}

describe('insightSharing deletePassword', () => {
	test('deletePassword sends DELETE insights/101/sharing/passwords/1/ with no body and outputs exactly [{ success: true }] for the 204', async () => {
		const { json, items, error } = await posthog.run(deletePassword(locator('id', SIGNUP_FUNNEL), BOARD_MEMBERS));

		expect(error).toBeUndefined();
		expect(posthog.requests()).toHaveLength(1);
		expectDeleteRequest(posthog.lastRequest(), 101, 1);
		expect(json).toEqual([{ success: true }]);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	test('deletePassword deactivates the password in PostHog (soft delete) and get no longer lists it', async () => {
		const { error } = await posthog.run(deletePassword(locator('id', SIGNUP_FUNNEL), BOARD_MEMBERS));

		expect(error).toBeUndefined();
		expect(storedPassword(BOARD_MEMBERS)).toMatchObject({ insight_id: 101, is_active: false, note: 'Board members' });
		expect(activePasswordIds()).toEqual([]);

		const fetched = await posthog.run({ resource: 'insightSharing', operation: 'get', insightId: locator('id', 101) });
		expect(fetched.error).toBeUndefined();
		expect(fetched.json[0].share_passwords).toEqual([]);
	});

	test('deletePassword deactivates only the password asked for', async () => {
		addPassword(3, 'Keep me');
		addPassword(4, 'Delete me');

		const { json, error } = await posthog.run(deletePassword(locator('id', SIGNUP_FUNNEL), 4));

		expect(error).toBeUndefined();
		expectDeleteRequest(posthog.lastRequest(), 101, 4);
		expect(json).toEqual([{ success: true }]);
		expect(activePasswordIds()).toEqual([1, 3]);
		expect(storedPassword(4).is_active).toBe(false);
	});

	test('deletePassword with an unknown password id fails with PostHog’s 404 "Password not found"', async () => {
		const { json, error } = await posthog.run(deletePassword(locator('id', SIGNUP_FUNNEL), 99));

		expect(json).toEqual([]);
		expect(error).toBeDefined();
		expect(error.httpCode).toBe('404');
		expect(error.message).toBe('Password not found');
		expectDeleteRequest(posthog.lastRequest(), 101, 99);
		expect(activePasswordIds()).toEqual([1]);
	});

	test('deletePassword of an already revoked password fails with 404 "Password not found"', async () => {
		const { error } = await posthog.run(deletePassword(locator('id', SIGNUP_FUNNEL), REVOKED));

		expect(error).toBeDefined();
		expect(error.httpCode).toBe('404');
		expect(error.message).toBe('Password not found');
		expectDeleteRequest(posthog.lastRequest(), 101, 2);
	});

	test('deletePassword of a password that belongs to another insight fails with 404 and leaves it active', async () => {
		const { error } = await posthog.run(deletePassword(locator('id', SEED.insightIds.revenueByPlan), BOARD_MEMBERS));

		expect(error).toBeDefined();
		expect(error.message).toBe('Password not found');
		expectDeleteRequest(posthog.lastRequest(), 103, 1);
		expect(storedPassword(BOARD_MEMBERS).is_active).toBe(true);
	});

	test('deletePassword (list mode) uses the numeric id from the insight list', async () => {
		const { json, error } = await posthog.run(deletePassword(locator('list', SIGNUP_FUNNEL), BOARD_MEMBERS));

		expect(error).toBeUndefined();
		expect(posthog.requests()).toHaveLength(1);
		expectDeleteRequest(posthog.lastRequest(), 101, 1);
		expect(json).toEqual([{ success: true }]);
		expect(storedPassword(BOARD_MEMBERS).is_active).toBe(false);
	});

	test('deletePassword (url mode) looks the short id up with GET insights/?short_id=…&basic=true, then deletes on numeric id 101', async () => {
		// The only test in this file that uses the seeded short id.
		const { json, error } = await posthog.run(deletePassword(locator('url', SIGNUP_FUNNEL_URL), BOARD_MEMBERS));

		expect(error).toBeUndefined();
		const requests = posthog.requests();
		expect(requests).toHaveLength(2);
		expect(requests[0].method).toBe('GET');
		expect(requests[0].path).toBe('/api/projects/1/insights/');
		expect(requests[0].query).toEqual({ short_id: 'aB3dE5fG', basic: 'true' });
		expect(requests[0].headers.authorization).toBe(`Bearer ${posthog.emulator.apiKey}`);
		expectDeleteRequest(requests[1], 101, 1);
		expect(json).toEqual([{ success: true }]);
		expect(storedPassword(BOARD_MEMBERS).is_active).toBe(false);
	});

	test('deletePassword (url mode) with 3 input items: 1 look-up, 3 DELETE requests (one password id per item), 3 × { success: true }', async () => {
		addPassword(3, 'Third');
		addPassword(4, 'Fourth');
		addPassword(5, 'Fifth, kept');
		const shortId = SEED.insightShortIds.signupFunnel;

		const { json, items, error } = await posthog.run(
			deletePassword(locator('url', `https://us.posthog.com/project/1/insights/${shortId}`), '={{ $json.passwordId }}'),
			{ input: [{ json: { passwordId: 1 } }, { json: { passwordId: 3 } }, { json: { passwordId: 4 } }] },
		);

		expect(error).toBeUndefined();
		const requests = posthog.requests();
		const lookUps = requests.filter((r) => r.path === '/api/projects/1/insights/');
		expect(lookUps).toHaveLength(1);
		expect(lookUps[0].query).toEqual({ short_id: shortId, basic: 'true' });
		expect(requests[0]).toBe(lookUps[0]);
		const deletes = requests.filter((r) => r.method === 'DELETE');
		expect(deletes).toHaveLength(3);
		expect(deletes.map((r) => r.path).sort()).toEqual([
			'/api/projects/1/insights/101/sharing/passwords/1/',
			'/api/projects/1/insights/101/sharing/passwords/3/',
			'/api/projects/1/insights/101/sharing/passwords/4/',
		]);
		for (const request of deletes) {
			expect(request.body).toBeUndefined();
			expect(request.rawBody).toBe('');
		}
		expect(requests).toHaveLength(4);
		expect(json).toEqual([{ success: true }, { success: true }, { success: true }]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(activePasswordIds()).toEqual([5]);
	});

	test('deletePassword (url mode) with an unknown short id fails with a clear error and sends no DELETE', async () => {
		const { error } = await posthog.run(
			deletePassword(locator('url', 'https://us.posthog.com/project/1/insights/nOsUcH99'), BOARD_MEMBERS),
		);

		expect(error).toBeDefined();
		expect(error.message).toBe('Insight: no insight with short ID "nOsUcH99" in project 1');
		const requests = posthog.requests();
		expect(requests).toHaveLength(1);
		expect(requests[0].path).toBe('/api/projects/1/insights/');
		expect(requests[0].query).toEqual({ short_id: 'nOsUcH99', basic: 'true' });
		expect(requests.some((r) => r.method === 'DELETE')).toBe(false);
		expect(storedPassword(BOARD_MEMBERS).is_active).toBe(true);
	});

	test('deletePassword (id mode) refuses a non-numeric insight id before any request', async () => {
		const { error } = await posthog.run(deletePassword(locator('id', '={{ $json.insight }}'), BOARD_MEMBERS), {
			input: [{ json: { insight: 'signup-funnel' } }],
		});

		expect(error).toBeDefined();
		expect(error.message).toBe('Insight: "signup-funnel" is not a numeric insight ID');
		expect(posthog.requests()).toHaveLength(0);
		expect(storedPassword(BOARD_MEMBERS).is_active).toBe(true);
	});

	test.each([
		['a fraction', 1.5, '1.5'],
		['a negative number', -1, '-1'],
	])('deletePassword refuses %s as password id before any request', async (_label, passwordId, shown) => {
		const { error } = await posthog.run(deletePassword(locator('id', SIGNUP_FUNNEL), passwordId));

		expect(error).toBeDefined();
		expect(error.message).toBe(`Password ID: "${shown}" is not a numeric password ID`);
		expect(posthog.requests()).toHaveLength(0);
	});

	test('deletePassword without the Advanced Permissions feature fails with PostHog’s 403 {error} text', async () => {
		posthog.emulator.state.advancedPermissions = false;

		const { error } = await posthog.run(deletePassword(locator('id', SIGNUP_FUNNEL), BOARD_MEMBERS));

		expect(error).toBeDefined();
		expect(error.httpCode).toBe('403');
		expect(error.message).toBe('Password management requires the Advanced Permissions feature');
		expectDeleteRequest(posthog.lastRequest(), 101, 1);
		expect(storedPassword(BOARD_MEMBERS).is_active).toBe(true);
	});

	test('deletePassword with a key that has only sharing_configuration:read fails with a 403 naming sharing_configuration:write', async () => {
		posthog.emulator.state.keys['phx_ro'] = { scopes: ['sharing_configuration:read'] };

		const { error } = await posthog.run(deletePassword(locator('id', SIGNUP_FUNNEL), BOARD_MEMBERS), {
			credentials: posthog.credentials({ apiKey: 'phx_ro' }),
		});

		expect(error).toBeDefined();
		expect(error.httpCode).toBe('403');
		expect(error.message).toBe("API key missing required scope 'sharing_configuration:write'");
		expect(error.description).toContain('sharing_configuration:write');
		expectDeleteRequest(posthog.lastRequest(), 101, 1, 'phx_ro');
		expect(storedPassword(BOARD_MEMBERS).is_active).toBe(true);
	});
});
