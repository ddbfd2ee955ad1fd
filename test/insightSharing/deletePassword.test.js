// insightSharing → deletePassword: `DELETE insights/{insightId}/sharing/passwords/{passwordId}/`
// (docs/posthog-api.md §3.3): a soft delete answered with 204 and no body.
// An insight given by URL: test/lookups.test.js.
const { usePostHog, locator, failure, SEED } = require('../helpers/posthog');
const { insightSharing } = require('../helpers/operations');
const api = require('../helpers/api');

const posthog = usePostHog();

const SIGNUP_FUNNEL = SEED.insightIds.signupFunnel; // 101: holds passwords 1 (active) and 2 (revoked)
const BOARD_MEMBERS = SEED.sharing.passwordIds.boardMembers; // 1, active
const REVOKED = SEED.sharing.passwordIds.revoked; // 2, already inactive

const deletePassword = (insightId, passwordId) =>
	insightSharing.deletePassword({ insightId, passwordId });

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

describe('insightSharing deletePassword', () => {
	test('deletePassword sends DELETE insights/101/sharing/passwords/1/ with no body and outputs exactly [{ success: true }] for the 204', async () => {
		const { json, items, error } = await posthog.run(
			deletePassword(locator('id', SIGNUP_FUNNEL), BOARD_MEMBERS),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([api.insightSharing.deletePassword(101, 1)]);
		expect(json).toEqual([{ success: true }]);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	test('deletePassword deactivates the password in PostHog (soft delete) and get no longer lists it', async () => {
		const { error } = await posthog.run(
			deletePassword(locator('id', SIGNUP_FUNNEL), BOARD_MEMBERS),
		);

		expect(error).toBeUndefined();
		expect(storedPassword(BOARD_MEMBERS)).toMatchObject({
			insight_id: 101,
			is_active: false,
			note: 'Board members',
		});
		expect(activePasswordIds()).toEqual([]);

		const fetched = await posthog.run(insightSharing.get({ insightId: locator('id', 101) }));
		expect(fetched.error).toBeUndefined();
		expect(fetched.json[0].share_passwords).toEqual([]);
	});

	test('deletePassword deactivates only the password asked for', async () => {
		addPassword(3, 'Keep me');
		addPassword(4, 'Delete me');

		const { json, error } = await posthog.run(deletePassword(locator('id', SIGNUP_FUNNEL), 4));

		expect(error).toBeUndefined();
		posthog.expectReceived([api.insightSharing.deletePassword(101, 4)]);
		expect(json).toEqual([{ success: true }]);
		expect(activePasswordIds()).toEqual([1, 3]);
		expect(storedPassword(4).is_active).toBe(false);
	});

	test('deletePassword with an unknown password id fails with PostHog’s 404 "Password not found"', async () => {
		const { json, error } = await posthog.run(deletePassword(locator('id', SIGNUP_FUNNEL), 99));

		expect(json).toEqual([]);
		expect(failure(error)).toMatchObject({ message: 'Password not found', httpCode: '404' });
		posthog.expectReceived([api.insightSharing.deletePassword(101, 99)]);
		expect(activePasswordIds()).toEqual([1]);
	});

	test('deletePassword of an already revoked password fails with 404 "Password not found"', async () => {
		const { error } = await posthog.run(deletePassword(locator('id', SIGNUP_FUNNEL), REVOKED));

		expect(failure(error)).toMatchObject({ message: 'Password not found', httpCode: '404' });
		posthog.expectReceived([api.insightSharing.deletePassword(101, 2)]);
	});

	test('deletePassword of a password that belongs to another insight fails with 404 and leaves it active', async () => {
		const { error } = await posthog.run(
			deletePassword(locator('id', SEED.insightIds.revenueByPlan), BOARD_MEMBERS),
		);

		expect(error.message).toBe('Password not found');
		posthog.expectReceived([api.insightSharing.deletePassword(103, 1)]);
		expect(storedPassword(BOARD_MEMBERS).is_active).toBe(true);
	});

	test('deletePassword (list mode) uses the numeric id from the insight list', async () => {
		const { json, error } = await posthog.run(
			deletePassword(locator('list', SIGNUP_FUNNEL), BOARD_MEMBERS),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([api.insightSharing.deletePassword(101, 1)]);
		expect(json).toEqual([{ success: true }]);
		expect(storedPassword(BOARD_MEMBERS).is_active).toBe(false);
	});

	test('deletePassword (id mode) refuses a non-numeric insight id before any request', async () => {
		const { error } = await posthog.run(
			deletePassword(locator('id', '={{ $json.insight }}'), BOARD_MEMBERS),
			{ input: [{ json: { insight: 'signup-funnel' } }] },
		);

		expect(error.message).toBe('Insight: "signup-funnel" is not a numeric insight ID');
		posthog.expectReceived([]);
		expect(storedPassword(BOARD_MEMBERS).is_active).toBe(true);
	});

	test.each([
		['a fraction', 1.5, '1.5'],
		['a negative number', -1, '-1'],
	])(
		'deletePassword refuses %s as password id before any request',
		async (_label, passwordId, shown) => {
			const { error } = await posthog.run(deletePassword(locator('id', SIGNUP_FUNNEL), passwordId));

			expect(error.message).toBe(`Password ID: "${shown}" is not a numeric password ID`);
			posthog.expectReceived([]);
		},
	);

	test('deletePassword without the Advanced Permissions feature fails with PostHog’s 403 {error} text', async () => {
		posthog.emulator.state.advancedPermissions = false;

		const { error } = await posthog.run(
			deletePassword(locator('id', SIGNUP_FUNNEL), BOARD_MEMBERS),
		);

		expect(failure(error)).toMatchObject({
			message: 'Password management requires the Advanced Permissions feature',
			httpCode: '403',
		});
		posthog.expectReceived([api.insightSharing.deletePassword(101, 1)]);
		expect(storedPassword(BOARD_MEMBERS).is_active).toBe(true);
	});

	test('deletePassword with a key that has only sharing_configuration:read fails with a 403 naming sharing_configuration:write', async () => {
		posthog.emulator.state.keys['phx_ro'] = { scopes: ['sharing_configuration:read'] };

		const { error } = await posthog.run(
			deletePassword(locator('id', SIGNUP_FUNNEL), BOARD_MEMBERS),
			{ credentials: posthog.credentials({ apiKey: 'phx_ro' }) },
		);

		expect(failure(error)).toMatchObject({
			message: "API key missing required scope 'sharing_configuration:write'",
			httpCode: '403',
		});
		expect(error.description).toContain('sharing_configuration:write');
		posthog.expectReceived([api.insightSharing.deletePassword(101, 1)], { apiKey: 'phx_ro' });
		expect(storedPassword(BOARD_MEMBERS).is_active).toBe(true);
	});
});
