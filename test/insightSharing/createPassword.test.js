// insightSharing → createPassword: `POST insights/{insightId}/sharing/passwords/` body
// `{raw_password?, note?}` (docs/posthog-api.md §3.2).
// An insight given by URL: test/lookups.test.js.
const { usePostHog, locator, failure, SEED } = require('../helpers/posthog');
const { insightSharing } = require('../helpers/operations');
const api = require('../helpers/api');

const posthog = usePostHog();

const SIGNUP_FUNNEL = SEED.insightIds.signupFunnel; // 101: password protection ON
const REVENUE_BY_PLAN = SEED.insightIds.revenueByPlan; // 103: shared, password protection OFF
const NOW = '2025-03-01T09:30:00Z';
const NEXT_PASSWORD_ID = 3; // the seed holds passwords 1 (active) and 2 (revoked)
const GENERATED_PASSWORD = /^[A-Za-z0-9_-]{22}$/; // token_urlsafe(16)

const createPassword = (insightId, additionalFields = {}) =>
	insightSharing.createPassword({ insightId, additionalFields });

const PASSWORDS_OF_101 = api.insightSharing.createPassword(101).path;
const storedPasswords = () => posthog.emulator.state.sharePasswords;
const storedPassword = (id) => storedPasswords().find((p) => p.id === id);

describe('insightSharing createPassword', () => {
	beforeEach(() => {
		posthog.emulator.now = () => new Date(NOW);
	});

	test('createPassword sends additionalFields.password as raw_password and the note, and outputs the plaintext password', async () => {
		const { json, items, error } = await posthog.run(
			createPassword(locator('id', SIGNUP_FUNNEL), {
				password: 'correct-horse-9',
				note: 'For the board',
			}),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			api.insightSharing.createPassword(101, {
				raw_password: 'correct-horse-9',
				note: 'For the board',
			}),
		]);
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
			createPassword(locator('id', SIGNUP_FUNNEL), {
				password: 'correct-horse-9',
				note: 'For the board',
			}),
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

		const fetched = await posthog.run(insightSharing.get({ insightId: locator('id', 101) }));
		expect(fetched.json[0].share_passwords.map((p) => [p.id, p.note, p.is_active])).toEqual([
			[1, 'Board members', true],
			[NEXT_PASSWORD_ID, 'For the board', true],
		]);
	});

	test('createPassword with only a note sends {note} and outputs the password PostHog generated', async () => {
		const { json, error } = await posthog.run(
			createPassword(locator('id', SIGNUP_FUNNEL), { note: 'Investors' }),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([api.insightSharing.createPassword(101, { note: 'Investors' })]);
		expect(json).toHaveLength(1);
		expect(json[0]).toMatchObject({ id: NEXT_PASSWORD_ID, note: 'Investors' });
		expect(json[0].password).toMatch(GENERATED_PASSWORD);
		expect(storedPassword(NEXT_PASSWORD_ID)).toMatchObject({
			note: 'Investors',
			password: json[0].password,
			is_active: true,
		});
	});

	test('createPassword with no additional fields sends no raw_password and no note, and PostHog generates a password', async () => {
		const { json, error } = await posthog.run(createPassword(locator('id', SIGNUP_FUNNEL)));

		expect(error).toBeUndefined();
		posthog.expectReceived([{ method: 'POST', path: PASSWORDS_OF_101 }]); // body: below
		// n8n-core drops an empty object body, so the request may carry no body at all; what
		// PostHog reads from it (DRF request.data) must be empty either way.
		const { rawBody } = posthog.lastRequest();
		expect(rawBody === '' ? {} : JSON.parse(rawBody)).toEqual({});
		expect(json).toEqual([
			{
				id: NEXT_PASSWORD_ID,
				password: expect.stringMatching(GENERATED_PASSWORD),
				note: '',
				created_at: NOW,
				created_by_email: SEED.userEmail,
			},
		]);
		expect(storedPassword(NEXT_PASSWORD_ID)).toMatchObject({
			password: json[0].password,
			is_active: true,
		});
	});

	test('createPassword with the password and note fields added but left empty lets PostHog generate a password', async () => {
		const { json, error } = await posthog.run(
			createPassword(locator('id', SIGNUP_FUNNEL), { password: '', note: '' }),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([{ method: 'POST', path: PASSWORDS_OF_101 }]); // body: below
		const sent = posthog.lastRequest().body ?? {};
		// blank and omitted both mean "generate one" to PostHog (§3.2)
		expect(sent.raw_password ?? '').toBe('');
		expect(sent.note ?? '').toBe('');
		expect(json[0].password).toMatch(GENERATED_PASSWORD);
		expect(storedPassword(NEXT_PASSWORD_ID)).toMatchObject({
			password: json[0].password,
			is_active: true,
		});
	});

	test('createPassword accepts a password of exactly 8 characters', async () => {
		const { json, error } = await posthog.run(
			createPassword(locator('id', SIGNUP_FUNNEL), { password: '12345678' }),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([api.insightSharing.createPassword(101, { raw_password: '12345678' })]);
		expect(json[0].password).toBe('12345678');
	});

	test('createPassword refuses a password shorter than 8 characters before any request', async () => {
		const { error } = await posthog.run(
			createPassword(locator('id', SIGNUP_FUNNEL), { password: '1234567', note: 'Too short' }),
		);

		expect(error.message).toBe('Password: must be at least 8 characters');
		posthog.expectReceived([]);
		expect(storedPasswords()).toHaveLength(2);
	});

	test('createPassword on an insight with password protection off fails with PostHog’s 400 {error} text', async () => {
		const { error } = await posthog.run(
			createPassword(locator('id', REVENUE_BY_PLAN), { password: 'correct-horse-9' }),
		);

		expect(failure(error)).toMatchObject({
			message: 'Password protection must be enabled before creating passwords',
			httpCode: '400',
		});
		posthog.expectReceived([
			api.insightSharing.createPassword(103, { raw_password: 'correct-horse-9' }),
		]);
		expect(storedPasswords()).toHaveLength(2);
	});

	test('createPassword without the Advanced Permissions feature fails with PostHog’s 403 {error} text', async () => {
		posthog.emulator.state.advancedPermissions = false;

		const { error } = await posthog.run(
			createPassword(locator('id', SIGNUP_FUNNEL), { note: 'No feature' }),
		);

		expect(failure(error)).toMatchObject({
			message: 'Password management requires the Advanced Permissions feature',
			httpCode: '403',
		});
		posthog.expectReceived([api.insightSharing.createPassword(101, { note: 'No feature' })]);
		expect(storedPasswords()).toHaveLength(2);
	});

	test('createPassword with a note over 100 characters fails with PostHog’s 400 naming the note field', async () => {
		const { error } = await posthog.run(
			createPassword(locator('id', SIGNUP_FUNNEL), { note: 'n'.repeat(101) }),
		);

		expect(failure(error)).toMatchObject({
			message: 'Ensure this field has no more than 100 characters.',
			httpCode: '400',
		});
		expect(error.description).toContain('"note"');
		posthog.expectReceived([api.insightSharing.createPassword(101, { note: 'n'.repeat(101) })]);
		expect(storedPasswords()).toHaveLength(2);
	});

	test('createPassword (list mode) uses the numeric id from the insight list', async () => {
		const { json, error } = await posthog.run(
			createPassword(locator('list', SIGNUP_FUNNEL), { password: 'list-mode-pw', note: 'List' }),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			api.insightSharing.createPassword(101, { raw_password: 'list-mode-pw', note: 'List' }),
		]);
		expect(json[0]).toMatchObject({ id: NEXT_PASSWORD_ID, password: 'list-mode-pw', note: 'List' });
	});

	test('createPassword (id mode) refuses a non-numeric insight id before any request', async () => {
		const { error } = await posthog.run(
			createPassword(locator('id', '={{ $json.insight }}'), { password: 'correct-horse-9' }),
			{ input: [{ json: { insight: '101abc' } }] },
		);

		expect(error.message).toBe('Insight: "101abc" is not a numeric insight ID');
		posthog.expectReceived([]);
		expect(storedPasswords()).toHaveLength(2);
	});

	test('createPassword with a key that has only sharing_configuration:read fails with a 403 naming sharing_configuration:write', async () => {
		posthog.emulator.state.keys['phx_ro'] = { scopes: ['sharing_configuration:read'] };

		const { error } = await posthog.run(
			createPassword(locator('id', SIGNUP_FUNNEL), { note: 'Read only' }),
			{ credentials: posthog.credentials({ apiKey: 'phx_ro' }) },
		);

		expect(failure(error)).toMatchObject({
			message: "API key missing required scope 'sharing_configuration:write'",
			httpCode: '403',
		});
		expect(error.description).toContain('sharing_configuration:write');
		posthog.expectReceived([api.insightSharing.createPassword(101, { note: 'Read only' })], {
			apiKey: 'phx_ro',
		});
		expect(storedPasswords()).toHaveLength(2);
	});
});
