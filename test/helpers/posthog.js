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
			return {
				region: 'custom',
				host: context.emulator.url,
				apiKey: context.emulator.apiKey,
				...overrides,
			};
		},
		async run(parameters, { credentials, ...options } = {}) {
			return await runNode({
				credentials: credentials ?? context.credentials(),
				parameters: { projectId: PROJECT, ...parameters },
				...options,
			});
		},
		/**
		 * Calls a list search (`kind` 'listSearch') or load-options method as the editor does, of
		 * the action node unless `nodeType` names another built node.
		 */
		async callMethod(kind, method, parameters, args = [], { nodeType } = {}) {
			return await callMethod({
				kind,
				method,
				args,
				...(nodeType ? { nodeType } : {}),
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
		 * (`query` defaults to none; `body` is checked when given, `body: undefined` meaning no body
		 * at all), all with the Bearer key (`apiKey`, default the emulator's). Input items run
		 * concurrently: `itemOf(request)` names a request's item, and then the requests are compared
		 * item by item, each item's in order (a request it names no item for keeps its place).
		 */
		expectReceived(expected, { apiKey = context.emulator.apiKey, itemOf } = {}) {
			const wanted = byItem(
				expected.map((request) => ({ query: {}, ...request })),
				itemOf,
			);
			const received = byItem(context.emulator.requests, itemOf).map(
				({ method, path, query, body, rawBody }, index) => ({
					method,
					path,
					query,
					// a body that is not JSON shows as its text: `body: undefined` matches only no body
					...(wanted[index] && 'body' in wanted[index]
						? { body: rawBody === '' ? undefined : (body ?? rawBody) }
						: {}),
				}),
			);
			expect(received).toEqual(wanted);
			for (const request of context.emulator.requests) {
				expect(request.headers.authorization).toBe(`Bearer ${apiKey}`);
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

/** `requests` with each item's together (see expectReceived); the rest keep their places. */
function byItem(requests, itemOf) {
	if (!itemOf) return requests;
	const slots = requests.flatMap((request, index) =>
		itemOf(request) === undefined ? [] : [index],
	);
	const item = (request) => String(itemOf(request));
	const sorted = slots
		.map((index) => requests[index])
		.sort((a, b) => (item(a) < item(b) ? -1 : item(a) > item(b) ? 1 : 0));
	const grouped = [...requests];
	slots.forEach((slot, n) => (grouped[slot] = sorted[n]));
	return grouped;
}

/** The parts of a node error a user sees, so a failing assertion prints them all. */
function failure(error) {
	if (!error) return error;
	return { message: error.message, httpCode: error.httpCode, description: error.description };
}

/** A resource-locator value as n8n stores it. */
function locator(mode, value) {
	return { __rl: true, mode, value: String(value) };
}

module.exports = { usePostHog, locator, failure, PROJECT, SEED, seedGroups };
