'use strict';
// One emulator for a test file, reset after each test, and plain HTTP calls to it.
const { startEmulator } = require('./index');

/**
 * Call at the top of a `describe`. `emu()` is the running emulator; `call(method, path,
 * { body, key })` sends with the test key (or `key`) to a path or a full URL (a `next` link);
 * `getJson(path)` expects a 200; `send(…)` returns `{ status, body, headers }`.
 * `now` fixes the emulator's clock for every test.
 */
function useEmulator({ now } = {}) {
	let emu;
	beforeAll(async () => {
		emu = await startEmulator({ apiKey: 'phx_test_key' });
	});
	if (now) beforeEach(() => (emu.now = () => new Date(now)));
	afterEach(() => emu.reset());
	afterAll(() => emu.close());

	const call = (method, path, { body, key = emu.apiKey } = {}) =>
		fetch(path.startsWith('http') ? path : emu.url + path, {
			method,
			headers: {
				Authorization: `Bearer ${key}`,
				...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
	const getJson = async (path) => {
		const res = await call('GET', path);
		expect(res.status).toBe(200);
		return res.json();
	};
	/** The status, the parsed body (undefined when empty) and the headers. */
	const send = async (method, path, options) => {
		const res = await call(method, path, options);
		const text = await res.text();
		return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
	};
	return { emu: () => emu, call, getJson, send };
}

module.exports = { useEmulator };
