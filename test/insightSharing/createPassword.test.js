// insightSharing → createPassword: `POST insights/{insightId}/sharing/passwords/` body
// `{raw_password?, note?}` (contract.md; posthog-api.md §3.2).
const { usePostHog, locator, SEED } = require('../helpers/posthog');

const posthog = usePostHog();

const SIGNUP_FUNNEL = SEED.insightIds.signupFunnel; // 101: password protection ON
const REVENUE_BY_PLAN = SEED.insightIds.revenueByPlan; // 103: shared, password protection OFF
const SIGNUP_FUNNEL_URL = `https://us.posthog.com/project/1/insights/${SEED.insightShortIds.signupFunnel}`;
const NOW = '2025-03-01T09:30:00Z';
const NEXT_PASSWORD_ID = 3; // the seed holds passwords 1 (active) and 2 (revoked)
const GENERATED_PASSWORD = /^[A-Za-z0-9_-]{22}$/; // token_urlsafe(16)

const createPassword = (insightId, additionalFields = {}) => ({
	resource: 'insightSharing',
	operation: 'createPassword',
	insightId,
	additionalFields,
});

const storedPasswords = () => posthog.emulator.state.sharePasswords;
const storedPassword = (id) => storedPasswords().find((p) => p.id === id);

function expectCreateRequest(request, insightId, body, apiKey = posthog.emulator.apiKey) {
	expect(request.method).toBe('POST');
	expect(request.path).toBe(`/api/projects/1/insights/${insightId}/sharing/passwords/`);
	expect(request.query).toEqual({});
	expect(request.body).toEqual(body);
	expect(JSON.parse(request.rawBody)).toEqual(body);
	expect(request.headers.authorization).toBe(`Bearer ${apiKey}`);
}

describe('insightSharing createPassword', () => {
	beforeEach(() => {
		posthog.emulator.now = () => new Date(NOW);
	});

	test('createPassword sends additionalFields.password as raw_password and the note, and outputs the plaintext password', async () => {
		const { json, items, error } = await posthog.run(
			createPassword(locator('id', SIGNUP_FUNNEL), { password: 'correct-horse-9', note: 'For the board' }),
		);

		expect(error).toBeUndefined();
		expect(posthog.requests()).toHaveLength(1);
		expectCreateRequest(posthog.lastRequest(), 101, { raw_password: 'correct-horse-9', note: 'For the board' });
		expect(json).toEqual([
			{
				id: NEXT_PASSWORD_ID,
				password: 'correct-horse-9',
				note: 'For the board',
				created_at: NOW,
				created_by_email: SEED.userEmail,
			},
		]);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	test('createPassword stores a new active password with the note on the insight', async () => {
		const { error } = await posthog.run(
			createPassword(locator('id', SIGNUP_FUNNEL), { password: 'correct-horse-9', note: 'For the board' }),
		);

		expect(error).toBeUndefined();
		expect(storedPasswords()).toHaveLength(3);
		expect(storedPassword(NEXT_PASSWORD_ID)).toMatchObject({
			insight_id: 101,
			note: 'For the board',
			password: 'correct-horse-9',
			is_active: true,
		});
		// the existing passwords are untouched
		expect(storedPassword(1).is_active).toBe(true);
		expect(storedPassword(2).is_active).toBe(false);

		const fetched = await posthog.run({ resource: 'insightSharing', operation: 'get', insightId: locator('id', 101) });
		expect(fetched.json[0].share_passwords.map((p) => [p.id, p.note, p.is_active])).toEqual([
			[1, 'Board members', true],
			[NEXT_PASSWORD_ID, 'For the board', true],
		]);
	});

	test('createPassword with only a note sends {note} and outputs the password PostHog generated', async () => {
		const { json, error } = await posthog.run(createPassword(locator('id', SIGNUP_FUNNEL), { note: 'Investors' }));

		expect(error).toBeUndefined();
		expectCreateRequest(posthog.lastRequest(), 101, { note: 'Investors' });
		expect(json).toHaveLength(1);
		expect(json[0]).toMatchObject({ id: NEXT_PASSWORD_ID, note: 'Investors' });
		expect(json[0].password).toMatch(GENERATED_PASSWORD);
		expect(storedPassword(NEXT_PASSWORD_ID)).toMatchObject({ note: 'Investors', password: json[0].password, is_active: true });
	});

	test('createPassword with no additional fields sends no raw_password and no note, and PostHog generates a password', async () => {
		const { json, error } = await posthog.run(createPassword(locator('id', SIGNUP_FUNNEL)));

		expect(error).toBeUndefined();
		expect(posthog.requests()).toHaveLength(1);
		const request = posthog.lastRequest();
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/api/projects/1/insights/101/sharing/passwords/');
		expect(request.query).toEqual({});
		expect(request.headers.authorization).toBe(`Bearer ${posthog.emulator.apiKey}`);
		// n8n-core drops an empty object body, so the request may carry no body at all; what
		// PostHog reads from it (DRF request.data) must be empty either way.
		const sent = request.rawBody === '' ? {} : JSON.parse(request.rawBody);
		expect(sent).toEqual({});
		expect(json).toHaveLength(1);
		expect(json[0]).toEqual({
			id: NEXT_PASSWORD_ID,
			password: expect.stringMatching(GENERATED_PASSWORD),
			note: '',
			created_at: NOW,
			created_by_email: SEED.userEmail,
		});
		expect(storedPassword(NEXT_PASSWORD_ID)).toMatchObject({ password: json[0].password, is_active: true });
	});

	test('createPassword with the password and note fields added but left empty lets PostHog generate a password', async () => {
		const { json, error } = await posthog.run(createPassword(locator('id', SIGNUP_FUNNEL), { password: '', note: '' }));

		expect(error).toBeUndefined();
		expect(posthog.requests()).toHaveLength(1);
		const sent = posthog.lastRequest().body ?? {};
		// blank and omitted both mean "generate one" to PostHog (§3.2)
		expect(sent.raw_password ?? '').toBe('');
		expect(sent.note ?? '').toBe('');
		expect(json[0].password).toMatch(GENERATED_PASSWORD);
		expect(storedPassword(NEXT_PASSWORD_ID)).toMatchObject({ password: json[0].password, is_active: true });
	});

	test('createPassword accepts a password of exactly 8 characters', async () => {
		const { json, error } = await posthog.run(createPassword(locator('id', SIGNUP_FUNNEL), { password: '12345678' }));

		expect(error).toBeUndefined();
		expectCreateRequest(posthog.lastRequest(), 101, { raw_password: '12345678' });
		expect(json[0].password).toBe('12345678');
	});

	test('createPassword refuses a password shorter than 8 characters before any request', async () => {
		const { error } = await posthog.run(
			createPassword(locator('id', SIGNUP_FUNNEL), { password: '1234567', note: 'Too short' }),
		);

		expect(error).toBeDefined();
		expect(error.message).toBe('Password: must be at least 8 characters');
		expect(posthog.requests()).toHaveLength(0);
		expect(storedPasswords()).toHaveLength(2);
	});

	test('createPassword on an insight with password protection off fails with PostHog’s 400 {error} text', async () => {
		const { error } = await posthog.run(
			createPassword(locator('id', REVENUE_BY_PLAN), { password: 'correct-horse-9' }),
		);

		expect(error).toBeDefined();
		expect(error.httpCode).toBe('400');
		expect(error.message).toBe('Password protection must be enabled before creating passwords');
		expect(posthog.requests()).toHaveLength(1);
		expectCreateRequest(posthog.lastRequest(), 103, { raw_password: 'correct-horse-9' });
		expect(storedPasswords()).toHaveLength(2);
	});

	test('createPassword without the Advanced Permissions feature fails with PostHog’s 403 {error} text', async () => {
		posthog.emulator.state.advancedPermissions = false;

		const { error } = await posthog.run(createPassword(locator('id', SIGNUP_FUNNEL), { note: 'No feature' }));

		expect(error).toBeDefined();
		expect(error.httpCode).toBe('403');
		expect(error.message).toBe('Password management requires the Advanced Permissions feature');
		expectCreateRequest(posthog.lastRequest(), 101, { note: 'No feature' });
		expect(storedPasswords()).toHaveLength(2);
	});

	test('createPassword with a note over 100 characters fails with PostHog’s 400 naming the note field', async () => {
		const { error } = await posthog.run(createPassword(locator('id', SIGNUP_FUNNEL), { note: 'n'.repeat(101) }));

		expect(error).toBeDefined();
		expect(error.httpCode).toBe('400');
		expect(error.message).toBe('Ensure this field has no more than 100 characters.');
		expect(error.description).toContain('"note"');
		expectCreateRequest(posthog.lastRequest(), 101, { note: 'n'.repeat(101) });
		expect(storedPasswords()).toHaveLength(2);
	});

	test('createPassword (list mode) uses the numeric id from the insight list', async () => {
		const { json, error } = await posthog.run(
			createPassword(locator('list', SIGNUP_FUNNEL), { password: 'list-mode-pw', note: 'List' }),
		);

		expect(error).toBeUndefined();
		expect(posthog.requests()).toHaveLength(1);
		expectCreateRequest(posthog.lastRequest(), 101, { raw_password: 'list-mode-pw', note: 'List' });
		expect(json[0]).toMatchObject({ id: NEXT_PASSWORD_ID, password: 'list-mode-pw', note: 'List' });
	});

	test('createPassword (url mode) looks the short id up with GET insights/?short_id=…&basic=true, then posts to numeric id 101', async () => {
		// The only test in this file that uses the seeded short id.
		const { json, error } = await posthog.run(
			createPassword(locator('url', SIGNUP_FUNNEL_URL), { password: 'url-mode-pw', note: 'URL' }),
		);

		expect(error).toBeUndefined();
		const requests = posthog.requests();
		expect(requests).toHaveLength(2);
		expect(requests[0].method).toBe('GET');
		expect(requests[0].path).toBe('/api/projects/1/insights/');
		expect(requests[0].query).toEqual({ short_id: 'aB3dE5fG', basic: 'true' });
		expect(requests[0].headers.authorization).toBe(`Bearer ${posthog.emulator.apiKey}`);
		expectCreateRequest(requests[1], 101, { raw_password: 'url-mode-pw', note: 'URL' });
		expect(json[0]).toMatchObject({ id: NEXT_PASSWORD_ID, password: 'url-mode-pw', note: 'URL' });
		expect(storedPassword(NEXT_PASSWORD_ID)).toMatchObject({ insight_id: 101, is_active: true });
	});

	test('createPassword (url mode) with 3 input items: 1 look-up and 3 password requests, one password per item', async () => {
		const shortId = SEED.insightShortIds.signupFunnel;

		const { json, items, error } = await posthog.run(
			createPassword(locator('url', `https://us.posthog.com/project/1/insights/${shortId}`), {
				note: '={{ "item " + $json.n }}',
			}),
			{ input: [{ json: { n: 0 } }, { json: { n: 1 } }, { json: { n: 2 } }] },
		);

		expect(error).toBeUndefined();
		const requests = posthog.requests();
		const lookUps = requests.filter((r) => r.path === '/api/projects/1/insights/');
		expect(lookUps).toHaveLength(1);
		expect(lookUps[0].query).toEqual({ short_id: shortId, basic: 'true' });
		expect(requests[0]).toBe(lookUps[0]);
		const creates = requests.filter((r) => r.path === '/api/projects/1/insights/101/sharing/passwords/');
		expect(creates).toHaveLength(3);
		expect(creates.map((r) => r.body).sort((a, b) => a.note.localeCompare(b.note))).toEqual([
			{ note: 'item 0' },
			{ note: 'item 1' },
			{ note: 'item 2' },
		]);
		expect(requests).toHaveLength(4);
		expect(json.map((j) => j.note)).toEqual(['item 0', 'item 1', 'item 2']);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(storedPasswords().filter((p) => p.insight_id === 101 && p.is_active)).toHaveLength(4);
	});

	test('createPassword (url mode) with an unknown short id fails with a clear error and sends no password request', async () => {
		const { error } = await posthog.run(
			createPassword(locator('url', 'https://us.posthog.com/project/1/insights/nOsUcH99'), { password: 'correct-horse-9' }),
		);

		expect(error).toBeDefined();
		expect(error.message).toBe('Insight: no insight with short ID "nOsUcH99" in project 1');
		const requests = posthog.requests();
		expect(requests).toHaveLength(1);
		expect(requests[0].path).toBe('/api/projects/1/insights/');
		expect(requests[0].query).toEqual({ short_id: 'nOsUcH99', basic: 'true' });
		expect(storedPasswords()).toHaveLength(2);
	});

	test('createPassword (id mode) refuses a non-numeric insight id before any request', async () => {
		const { error } = await posthog.run(
			createPassword(locator('id', '={{ $json.insight }}'), { password: 'correct-horse-9' }),
			{ input: [{ json: { insight: '101abc' } }] },
		);

		expect(error).toBeDefined();
		expect(error.message).toBe('Insight: "101abc" is not a numeric insight ID');
		expect(posthog.requests()).toHaveLength(0);
		expect(storedPasswords()).toHaveLength(2);
	});

	test('createPassword with a key that has only sharing_configuration:read fails with a 403 naming sharing_configuration:write', async () => {
		posthog.emulator.state.keys['phx_ro'] = { scopes: ['sharing_configuration:read'] };

		const { error } = await posthog.run(createPassword(locator('id', SIGNUP_FUNNEL), { note: 'Read only' }), {
			credentials: posthog.credentials({ apiKey: 'phx_ro' }),
		});

		expect(error).toBeDefined();
		expect(error.httpCode).toBe('403');
		expect(error.message).toBe("API key missing required scope 'sharing_configuration:write'");
		expect(error.description).toContain('sharing_configuration:write');
		expectCreateRequest(posthog.lastRequest(), 101, { note: 'Read only' }, 'phx_ro');
		expect(storedPasswords()).toHaveLength(2);
	});
});
