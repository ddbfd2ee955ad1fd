// Starts the PostHog emulator for a test file and runs the built node against it.
const { startEmulator, SEED, seedGroups } = require('../emulator');
const { callMethod, runNode, testCredential } = require('./runNode');

const PROJECT = { __rl: true, mode: 'id', value: String(SEED.projectIds.default) };

/**
 * Call once at the top of a test file. Returns a context whose `run(parameters, options)` runs
 * the node against a freshly seeded emulator (re-seeded before every test) and whose
 * `requests()` lists what PostHog received during the test.
 */
function usePostHog() {
	const context = {
		emulator: undefined,
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
	});
	return context;
}

/** A resource-locator value as n8n stores it. */
function locator(mode, value) {
	return { __rl: true, mode, value: String(value) };
}

module.exports = { usePostHog, locator, PROJECT, SEED, seedGroups };
