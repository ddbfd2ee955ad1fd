// Starts the PostHog emulator for a test file and runs the built node against it.
const { startEmulator, SEED, seedGroups } = require('../emulator');
const { callMethod, runNode, testCredential } = require('./runNode');
const { fakeClock } = require('./fakeTime');

const PROJECT = { __rl: true, mode: 'id', value: String(SEED.projectIds.default) };

/**
 * Call once at the top of a test file. Returns a context whose `run(parameters, options)` runs
 * the node against a freshly seeded emulator (re-seeded before every test) and whose
 * `requests()` lists what PostHog received during the test. The node's clock is fake
 * (`time.slept` lists the waits it asked for), so retries take no real time.
 */
function usePostHog() {
	const context = {
		emulator: undefined,
		time: fakeClock(),
		credentials(overrides = {}) {
			return { region: 'custom', host: context.emulator.url, apiKey: context.emulator.apiKey, ...overrides };
		},
		async run(parameters, { credentials, ...options } = {}) {
			return await runNode({
				credentials: credentials ?? context.credentials(),
				parameters: { projectId: PROJECT, ...parameters },
				...options,
			});
		},
		/** Calls a list search (`kind` 'listSearch') or load-options method as the editor does. */
		async callMethod(kind, method, parameters, args = []) {
			return await callMethod({
				kind,
				method,
				args,
				credentials: context.credentials(),
				parameters: { projectId: PROJECT, ...parameters },
			});
		},
		async testCredential(overrides = {}) {
			return await testCredential(context.credentials(overrides));
		},
		requests() {
			return context.emulator.requests;
		},
		/**
		 * PostHog received exactly these requests, in order: each `{ method, path, query, body }`
		 * (`query` defaults to none; `body` is checked when given), all with the Bearer key.
		 */
		expectReceived(expected) {
			const received = context.emulator.requests.map(({ method, path, query, body }, index) => ({
				method,
				path,
				query,
				...(expected[index] && 'body' in expected[index] ? { body } : {}),
			}));
			expect(received).toEqual(expected.map((request) => ({ query: {}, ...request })));
			for (const request of context.emulator.requests) {
				expect(request.headers.authorization).toBe(`Bearer ${context.emulator.apiKey}`);
			}
		},
		/** The last request PostHog received. */
		lastRequest() {
			return context.emulator.requests[context.emulator.requests.length - 1];
		},
	};
	beforeAll(async () => {
		context.emulator = await startEmulator();
	});
	afterAll(async () => {
		await context.emulator.close();
	});
	beforeEach(() => {
		context.emulator.reset();
		context.time.install();
	});
	afterAll(() => context.time.restore());
	return context;
}

/** A resource-locator value as n8n stores it. */
function locator(mode, value) {
	return { __rl: true, mode, value: String(value) };
}

module.exports = { usePostHog, locator, PROJECT, SEED, seedGroups };
