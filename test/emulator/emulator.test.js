'use strict';
// Smoke test of the PostHog emulator itself: a few behaviours the node's tests rely on.
const { startEmulator, seedGroups, SEED } = require('./index');
const { parseIsoMicros } = require('./time');

describe('PostHog emulator', () => {
	let emu;
	const call = (method, path, { body, key = emu.apiKey, headers = {} } = {}) =>
		fetch(emu.url + path, {
			method,
			headers: {
				...(key ? { Authorization: `Bearer ${key}` } : {}),
				...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
				...headers,
			},
			body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
		});

	beforeAll(async () => {
		emu = await startEmulator({ apiKey: 'phx_test_key' });
	});
	afterEach(() => emu.reset());
	afterAll(() => emu.close());

	describe('authentication', () => {
		test('a missing Authorization header is 401 not_authenticated', async () => {
			const res = await call('GET', '/api/users/@me/', { key: null });
			expect(res.status).toBe(401);
			expect(await res.json()).toEqual({
				type: 'authentication_error',
				code: 'not_authenticated',
				detail: 'Authentication credentials were not provided.',
				attr: null,
			});
		});

		test('an unknown key is 401 authentication_failed', async () => {
			const res = await call('GET', '/api/users/@me/', { key: 'phx_nope' });
			expect(res.status).toBe(401);
			expect(await res.json()).toEqual({
				type: 'authentication_error',
				code: 'authentication_failed',
				detail: 'Personal API key found in request Authorization header is invalid.',
				attr: null,
			});
		});

		test('log_view GET needs file_system:write, so a read-only key gets 403', async () => {
			emu.state.keys.phx_readonly = { scopes: ['file_system:read'] };
			const res = await call('GET', '/api/projects/1/file_system/log_view/', {
				key: 'phx_readonly',
			});
			expect(res.status).toBe(403);
			expect(await res.json()).toMatchObject({
				code: 'permission_denied',
				detail: "API key missing required scope 'file_system:write'",
			});
		});
	});

	test('groups/ pages 250 groups with a cursor: 100, 100, 50, then next is null', async () => {
		seedGroups(emu.state, { projectId: 1, groupTypeIndex: 3, count: 250, prefix: 'bulk' });
		const keys = [];
		let url = `${emu.url}/api/projects/1/groups/?group_type_index=3`;
		const pageSizes = [];
		while (url) {
			expect(url.startsWith(emu.url)).toBe(true);
			const res = await fetch(url, { headers: { Authorization: `Bearer ${emu.apiKey}` } });
			expect(res.status).toBe(200);
			const page = await res.json();
			expect(page).not.toHaveProperty('count');
			expect(page.previous).toBeNull();
			pageSizes.push(page.results.length);
			keys.push(...page.results.map((g) => g.group_key));
			if (page.next) expect(new URL(page.next).searchParams.get('group_type_index')).toBe('3');
			url = page.next;
		}
		expect(pageSizes).toEqual([100, 100, 50]);
		expect(new Set(keys).size).toBe(250);
		// newest first (part2 §1.1): seedGroups dates bulk-249 last
		expect(keys).toEqual(Array.from({ length: 250 }, (_, i) => `bulk-${249 - i}`));
	});

	describe('groups/ order and cursor (part2 §1.1)', () => {
		const list = async (query) => {
			const res = await call('GET', `/api/projects/1/groups/?${new URLSearchParams(query)}`);
			expect(res.status).toBe(200);
			return res.json();
		};
		const keysOf = (page) => page.results.map((g) => g.group_key);
		const cursorOf = (page) => new URL(page.next).searchParams.get('cursor');
		// base64url with its "=" padding, as Python's urlsafe_b64encode writes it
		const toCursor = (text) =>
			Buffer.from(text).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');

		test('created_at DESC, then key DESC where created_at ties (umbrella and hooli)', async () => {
			expect(keysOf(await list({ group_type_index: '0' }))).toEqual([
				'umbrella',
				'hooli',
				'initech',
				'globex',
				'acme',
			]);
		});

		test('search and group_key filter in the same order, and `next` keeps them', async () => {
			expect(keysOf(await list({ group_type_index: '0', search: 'saas' }))).toEqual([
				'hooli',
				'initech',
				'acme',
			]);
			expect(keysOf(await list({ group_type_index: '1', group_key: 'ACME' }))).toEqual([
				'acme-platform',
				'acme-growth',
			]);
			seedGroups(emu.state, {
				groupTypeIndex: 0,
				count: 120,
				prefix: 'gold',
				properties: { tier: 'gold' },
			});
			const page1 = await list({ group_type_index: '0', search: 'gold' });
			expect(new URL(page1.next).searchParams.get('search')).toBe('gold');
			const page2 = await list({ group_type_index: '0', search: 'gold', cursor: cursorOf(page1) });
			expect([...keysOf(page1), ...keysOf(page2)]).toEqual(
				Array.from({ length: 120 }, (_, i) => `gold-${119 - i}`),
			);
		});

		test('the cursor is the last row of the page: {"c": created_at µs, "k": key}', async () => {
			const [oldest] = seedGroups(emu.state, { groupTypeIndex: 0, count: 100, prefix: 'bulk' });
			const page1 = await list({ group_type_index: '0' });
			expect(keysOf(page1).at(-1)).toBe('bulk-0');
			const micros = parseIsoMicros(oldest.created_at); // bulk-0, the last row of page 1
			expect(cursorOf(page1)).toBe(toCursor(`{"c": ${micros}, "k": "bulk-0"}`));
			expect(keysOf(await list({ group_type_index: '0', cursor: cursorOf(page1) }))).toEqual([
				'umbrella',
				'hooli',
				'initech',
				'globex',
				'acme',
			]);
		});

		test('an unreadable or old-format cursor silently restarts at page 1', async () => {
			seedGroups(emu.state, { groupTypeIndex: 0, count: 100, prefix: 'bulk' });
			const page1 = await list({ group_type_index: '0' });
			const oldFormat = toCursor('{"c": 1730800800123456, "i": 3}');
			for (const cursor of ['bm90LWEtY3Vyc29y', oldFormat]) {
				expect(await list({ group_type_index: '0', cursor })).toEqual(page1);
			}
		});
	});

	test('count_by_path reads the folder from the query string, not the body', async () => {
		const ok = await call('POST', '/api/projects/1/file_system/count_by_path/?path=Marketing');
		expect(ok.status).toBe(200);
		const counted = await ok.json();
		expect(counted.count).toBe(6);
		expect(counted.has_more).toBe(false);
		expect(counted.entries.map((e) => e.id)).toContain(SEED.fileIds.signupFunnel);

		const bodyOnly = await call('POST', '/api/projects/1/file_system/count_by_path/', {
			body: { path: 'Marketing' },
		});
		expect(bodyOnly.status).toBe(400);
		expect(await bodyOnly.json()).toEqual({ detail: 'path parameter is required' });
	});

	test('log_view POST answers 204 with no body and no content-type', async () => {
		const res = await call('POST', '/api/projects/1/file_system/log_view/', {
			body: { type: 'insight', ref: 'pQ2rS4tU' },
		});
		expect(res.status).toBe(204);
		expect(res.headers.get('content-type')).toBeNull();
		expect(await res.text()).toBe('');

		const views = await (await call('GET', '/api/projects/1/file_system/log_view/?limit=1')).json();
		expect(views).toEqual([{ type: 'insight', ref: 'pQ2rS4tU', viewed_at: expect.any(String) }]);
	});

	test('update_property takes {key, value} and returns the updated group', async () => {
		const path = '/api/projects/1/groups/update_property/?group_type_index=0&group_key=acme';
		const res = await call('POST', path, { body: { key: 'plan', value: 'enterprise' } });
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({
			group_type_index: 0,
			group_key: 'acme',
			group_properties: { name: 'Acme', industry: 'SaaS', employees: 120, plan: 'enterprise' },
			created_at: '2024-11-05T10:00:00.123456Z',
		});
		const seen = emu.requests[emu.requests.length - 1];
		expect(seen).toMatchObject({
			method: 'POST',
			path: '/api/projects/1/groups/update_property/',
			body: { key: 'plan', value: 'enterprise' },
		});
		expect(seen.query).toEqual({ group_type_index: '0', group_key: 'acme' });

		const noValue = await call('POST', path, { body: { key: 'plan' } });
		expect(noValue.status).toBe(400);
		expect(await noValue.json()).toEqual({
			type: 'validation_error',
			code: 'invalid_input',
			detail: 'This field is required.',
			attr: 'value',
		});
	});

	test('override replaces the response (fault injection)', async () => {
		emu.override = () => ({
			status: 429,
			body: {
				type: 'throttled_error',
				code: 'throttled',
				detail: 'Request was throttled. Expected available in 2 seconds.',
				attr: null,
			},
			headers: { 'Retry-After': '2' },
		});
		const res = await call('GET', '/api/users/@me/');
		expect(res.status).toBe(429);
		expect(res.headers.get('retry-after')).toBe('2');
		emu.override = null;
		expect((await call('GET', '/api/users/@me/')).status).toBe(200);
	});
});
