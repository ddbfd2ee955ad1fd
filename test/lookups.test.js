// The look-up every insightSharing operation shares (shared/insightLocator.ts): an insight given
// by URL is resolved to its numeric id with GET insights/?short_id=…&basic=true, once per
// execution, not once per item. Each operation's own request is tested in test/insightSharing/.
const { usePostHog, locator, failure, SEED } = require('./helpers/posthog');
const { insightSharing } = require('./helpers/operations');
const api = require('./helpers/api');

const posthog = usePostHog();

const SIGNUP_FUNNEL = SEED.insightIds.signupFunnel; // 101
const SHORT_ID = SEED.insightShortIds.signupFunnel; // aB3dE5fG
const urlOf = (shortId) => `https://us.posthog.com/project/1/insights/${shortId}`;
const inputs = (count) => Array.from({ length: count }, (_, n) => ({ json: { n } }));

/** What Get gives for insight 101 by its numeric id (its output is tested in get.test.js). */
async function sharingOfSignupFunnel() {
	const { json } = await posthog.run(insightSharing.get({ insightId: locator('id', 101) }));
	return json[0];
}

let shortIdCount = 0;
/** Gives insight 101 a short id no earlier run has used, so its look-up cannot be remembered. */
function freshShortId() {
	const shortId = `rQc${String(++shortIdCount).padStart(5, '0')}`;
	posthog.emulator.state.insights.find((insight) => insight.id === SIGNUP_FUNNEL).short_id =
		shortId;
	return shortId;
}

describe('insight URL look-up', () => {
	test('get (url mode) looks the short id up with GET insights/?short_id=…&basic=true, then gets the sharing of numeric id 101', async () => {
		const { json, error } = await posthog.run(
			insightSharing.get({ insightId: locator('url', urlOf(SHORT_ID)) }),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			api.insights.byShortId('aB3dE5fG'),
			api.insightSharing.get(SIGNUP_FUNNEL),
		]);
		expect(json).toEqual([await sharingOfSignupFunnel()]);
	});

	test('get (url mode) with 3 input items looks the short id up once and sends 3 sharing requests, one output per item', async () => {
		const { json, items, error } = await posthog.run(
			insightSharing.get({
				insightId: locator(
					'url',
					`https://eu.posthog.com/project/1/insights/${SHORT_ID}?tab=share`,
				),
			}),
			{ input: inputs(3) },
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			api.insights.byShortId(SHORT_ID),
			api.insightSharing.get(SIGNUP_FUNNEL),
			api.insightSharing.get(SIGNUP_FUNNEL),
			api.insightSharing.get(SIGNUP_FUNNEL),
		]);
		const sharing = await sharingOfSignupFunnel();
		expect(json).toEqual([sharing, sharing, sharing]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	test('createPassword (url mode) with 3 input items: 1 look-up and 3 password requests, one password per item', async () => {
		const { json, items, error } = await posthog.run(
			insightSharing.createPassword({
				insightId: locator('url', urlOf(SHORT_ID)),
				additionalFields: { note: '={{ "item " + $json.n }}' },
			}),
			{ input: inputs(3) },
		);

		expect(error).toBeUndefined();
		// the look-up first, then the items' requests in any order
		posthog.expectReceived(
			[
				api.insights.byShortId(SHORT_ID),
				api.insightSharing.createPassword(SIGNUP_FUNNEL, { note: 'item 0' }),
				api.insightSharing.createPassword(SIGNUP_FUNNEL, { note: 'item 1' }),
				api.insightSharing.createPassword(SIGNUP_FUNNEL, { note: 'item 2' }),
			],
			{ itemOf: (request) => request.body?.note },
		);
		expect(json.map((created) => created.note)).toEqual(['item 0', 'item 1', 'item 2']);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		const active = posthog.emulator.state.sharePasswords.filter(
			(password) => password.insight_id === SIGNUP_FUNNEL && password.is_active,
		);
		expect(active).toHaveLength(4);
	});

	test('get (url mode) with an unknown short id fails with a clear error and sends no sharing request', async () => {
		const { json, error } = await posthog.run(
			insightSharing.get({ insightId: locator('url', urlOf('nOsUcH99')) }),
		);

		expect(json).toEqual([]);
		expect(error.message).toBe('Insight: no insight with short ID "nOsUcH99" in project 1');
		posthog.expectReceived([api.insights.byShortId('nOsUcH99')]);
	});

	test('get (url mode) of a soft-deleted insight fails like an unknown short id (the list excludes it)', async () => {
		const shortId = SEED.insightShortIds.oldRetention;
		const { error } = await posthog.run(
			insightSharing.get({ insightId: locator('url', urlOf(shortId)) }),
		);

		expect(error.message).toBe(`Insight: no insight with short ID "${shortId}" in project 1`);
		posthog.expectReceived([api.insights.byShortId(shortId)]);
	});

	test('get (url mode) with a key lacking insight:read fails on the look-up with a 403 naming insight:read', async () => {
		posthog.emulator.state.keys['phx_sharing_only'] = { scopes: ['sharing_configuration:read'] };

		const { error } = await posthog.run(
			insightSharing.get({ insightId: locator('url', urlOf(SHORT_ID)) }),
			{ credentials: posthog.credentials({ apiKey: 'phx_sharing_only' }) },
		);

		expect(failure(error)).toMatchObject({
			message: "API key missing required scope 'insight:read'",
			httpCode: '403',
		});
		expect(error.description).toContain('insight:read');
		posthog.expectReceived([api.insights.byShortId(SHORT_ID)], { apiKey: 'phx_sharing_only' });
	});

	test.each([1, 50, 300])(
		'insight by URL with %i items → 1 look-up + one sharing request per item',
		async (count) => {
			const shortId = freshShortId();

			const { json, error } = await posthog.run(
				insightSharing.get({ insightId: locator('url', urlOf(shortId)) }),
				{ input: inputs(count) },
			);

			expect(error).toBeUndefined();
			posthog.expectReceived([
				api.insights.byShortId(shortId),
				...Array.from({ length: count }, () => api.insightSharing.get(SIGNUP_FUNNEL)),
			]);
			expect(json).toHaveLength(count);
		},
	);

	test('insight by URL: a second execution looks the short id up again (once), not per item', async () => {
		const shortId = freshShortId();
		const parameters = insightSharing.get({ insightId: locator('url', urlOf(shortId)) });

		await posthog.run(parameters, { input: inputs(20) });
		const { error } = await posthog.run(parameters, { input: inputs(20) });

		expect(error).toBeUndefined();
		const oneExecution = [
			api.insights.byShortId(shortId),
			...Array.from({ length: 20 }, () => api.insightSharing.get(SIGNUP_FUNNEL)),
		];
		posthog.expectReceived([...oneExecution, ...oneExecution]);
	});
});
