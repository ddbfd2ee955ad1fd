'use strict';
// The emulator's persons/ endpoints answer as PostHog does (docs/posthog-api-part2.md §3).
const { SEED } = require('./index');
const { useEmulator } = require('./testClient');

describe('PostHog emulator: persons', () => {
	let emu;
	const base = '/api/projects/1/persons';
	const { maria, tom, li, anonymous, dana, stagingQa } = SEED.personIds;

	const { emu: running, call, getJson } = useEmulator();
	beforeAll(() => (emu = running()));

	describe('list', () => {
		test('newest first, `id` is the UUID, no `count` unless include_total is present', async () => {
			const page = await getJson(`${base}/`);
			expect(Object.keys(page).sort()).toEqual(['next', 'previous', 'results']);
			expect(page.results.map((p) => p.uuid)).toEqual([dana, anonymous, li, tom, maria]);
			expect(page.results[4]).toEqual({
				type: 'person',
				id: maria,
				uuid: maria,
				created_at: '2024-11-05T10:02:00Z',
				last_seen_at: '2025-01-20T08:00:00Z',
				properties: { email: 'maria@acme.com', name: 'Maria Garcia' },
				is_identified: true,
				name: 'maria@acme.com',
				distinct_ids: ['maria@acme.com', 'anon-1f2e'],
				matched_recordings: [],
				value_at_data_point: null,
			});
			expect(page.results[1].name).toBe('anon-7c9d'); // no display property: a distinct id
			expect(page.next).toBeNull();

			const counted = await getJson(`${base}/?include_total`);
			expect(counted.count).toBe(5);
		});

		test('`next` is set on every full page, so an exact multiple ends with an empty page', async () => {
			const first = await getJson(`${base}/?limit=5`);
			expect(first.results).toHaveLength(5);
			expect(first.next).toBe(`${emu.url}${base}/?limit=5&offset=5`);
			expect(first.previous).toBeNull();

			const last = await getJson(first.next);
			expect(last.results).toEqual([]);
			expect(last.next).toBeNull();
			// offset - limit = 0: PostHog's helper leaves the URL untouched when the new offset is 0
			expect(last.previous).toBe(`${emu.url}${base}/?limit=5&offset=5`);
		});

		test('a short last page has no `next`; `offset` is swapped in place and `limit` is not added', async () => {
			const unlimited = await getJson(`${base}/?offset=3`);
			expect(unlimited.results.map((p) => p.uuid)).toEqual([tom, maria]);
			expect(unlimited.next).toBeNull(); // default limit 100
			const full = await getJson(`${base}/?offset=0`);
			expect(full.next).toBeNull();

			const second = await getJson(`${base}/?limit=2&offset=2`);
			expect(second.results.map((p) => p.uuid)).toEqual([li, tom]);
			expect(second.next).toBe(`${emu.url}${base}/?limit=2&offset=4`);
			const third = await getJson(`${base}/?limit=2&offset=4`);
			expect(third.results.map((p) => p.uuid)).toEqual([maria]);
			expect(third.next).toBeNull();
			expect(third.previous).toBe(`${emu.url}${base}/?limit=2&offset=2`);
		});

		test('search: email substring (any case), distinct id or uuid exactly', async () => {
			const bySearch = async (q) =>
				(await getJson(`${base}/?search=${encodeURIComponent(q)}`)).results.map((p) => p.uuid);
			expect(await bySearch('ACME.com')).toEqual([tom, maria]);
			expect(await bySearch('anon-7c9d')).toEqual([anonymous]);
			expect(await bySearch('anon-7c')).toEqual([]);
			expect(await bySearch(li)).toEqual([li]);
		});

		test('email and distinct_id are exact; properties is a JSON array of person filters', async () => {
			const uuids = async (query) =>
				(await getJson(`${base}/?${query}`)).results.map((p) => p.uuid);
			expect(await uuids('email=tom@acme.com')).toEqual([tom]);
			expect(await uuids('email=tom@acme')).toEqual([]);
			expect(await uuids('distinct_id=anon-1f2e')).toEqual([maria]);
			expect(await uuids('distinct_id=nobody')).toEqual([]);

			const props = (filters) => `properties=${encodeURIComponent(JSON.stringify(filters))}`;
			// staging's person has plan=pro too, but belongs to project 2
			expect(await uuids(props([{ key: 'plan', value: 'pro', type: 'person' }]))).toEqual([dana]);
			expect(
				await uuids(props([{ key: 'name', value: 'tom', operator: 'icontains', type: 'person' }])),
			).toEqual([tom]);

			const bad = await call('GET', `${base}/?properties=not-json`);
			expect(bad.status).toBe(400);
			expect(await bad.json()).toEqual({
				type: 'validation_error',
				code: 'invalid_input',
				detail: 'Properties are unparsable!',
				attr: null,
			});
		});
	});

	describe('get', () => {
		test('by UUID or integer pk: `id` is the integer here, distinct ids identified-first', async () => {
			const byUuid = await getJson(`${base}/${dana}/`);
			expect(byUuid).toEqual({
				id: SEED.personPks.dana,
				uuid: dana,
				name: 'dana@initech.com',
				distinct_ids: ['dana@initech.com', 'a1b2c3d4-e5f6-a7b8-c9d0-e1f2a3b4c5d6'],
				properties: { email: 'dana@initech.com', name: 'Dana Scully', plan: 'pro' },
				created_at: '2024-11-20T16:00:00Z',
				last_seen_at: '2025-01-21T09:00:00Z',
			});
			expect(await getJson(`${base}/6/`)).toEqual(byUuid);
		});

		test('a distinct id is a 400 pointing at ?distinct_id=; unknown or other-project persons are 404', async () => {
			const res = await call('GET', `${base}/anon-7c9d/`);
			expect(res.status).toBe(400);
			expect(await res.json()).toEqual({
				type: 'validation_error',
				code: 'invalid_input',
				detail:
					'The ID provided does not look like a personID. If you are using a distinctId, please use /persons?distinct_id=anon-7c9d instead.',
				attr: null,
			});
			expect((await call('GET', `${base}/0193a1b5-c3d4-7e5f-8a6b-0000000000ff/`)).status).toBe(404);
			const other = await call('GET', `${base}/${stagingQa}/`);
			expect(other.status).toBe(404);
			expect(await other.json()).toEqual({
				type: 'invalid_request',
				code: 'not_found',
				detail: 'Not found.',
				attr: null,
			});
		});
	});

	describe('writes', () => {
		test('PATCH merges properties and answers 202 with no body', async () => {
			const res = await call('PATCH', `${base}/${tom}/`, { body: { properties: { plan: 'pro' } } });
			expect(res.status).toBe(202);
			expect(res.headers.get('content-type')).toBeNull();
			expect(await res.text()).toBe('');
			expect((await getJson(`${base}/${tom}/`)).properties).toEqual({
				email: 'tom@acme.com',
				name: 'Tom Chen',
				plan: 'pro',
			});
		});

		test('PATCH without properties is the swapped 400, checked before the person is looked up', async () => {
			for (const path of [`${base}/${tom}/`, `${base}/999/`]) {
				const res = await call('PATCH', path, { body: { plan: 'pro' } });
				expect(res.status).toBe(400);
				expect(await res.json()).toEqual({
					attr: 'properties',
					code: 'This field is required.',
					detail: 'required',
					type: 'validation_error',
				});
			}
			expect((await call('PATCH', `${base}/999/`, { body: { properties: {} } })).status).toBe(404);
		});

		test('a failed capture is swallowed: still 202, nothing changes', async () => {
			emu.state.personCaptureFailure = 503;
			expect(
				(await call('PATCH', `${base}/${tom}/`, { body: { properties: { plan: 'pro' } } })).status,
			).toBe(202);
			expect((await getJson(`${base}/${tom}/`)).properties).not.toHaveProperty('plan');

			const res = await call('POST', `${base}/${maria}/delete_property/`, {
				body: { $unset: 'name' },
			});
			expect(res.status).toBe(503);
			expect(await res.json()).toEqual({ success: false, detail: 'Unable to delete property' });
		});

		test('update_property takes a present `value` (null allowed)', async () => {
			const ok = await call('POST', `${base}/${li}/update_property/`, {
				body: { key: 'plan', value: null },
			});
			expect(ok.status).toBe(202);
			expect(await ok.text()).toBe('');
			expect((await getJson(`${base}/${li}/`)).properties).toHaveProperty('plan', null);

			const missing = await call('POST', `${base}/${li}/update_property/`, {
				body: { key: 'plan' },
			});
			expect(missing.status).toBe(400);
			expect(await missing.json()).toEqual({
				attr: 'value',
				code: 'This field is required.',
				detail: 'required',
				type: 'validation_error',
			});
		});

		test('delete_property answers 201 {success:true}; a missing $unset or unknown person is a 500', async () => {
			const res = await call('POST', `${base}/${maria}/delete_property/`, {
				body: { $unset: 'name' },
			});
			expect(res.status).toBe(201);
			expect(await res.json()).toEqual({ success: true });
			expect((await getJson(`${base}/${maria}/`)).properties).toEqual({ email: 'maria@acme.com' });

			expect(
				(await call('POST', `${base}/${maria}/delete_property/`, { body: { key: 'email' } }))
					.status,
			).toBe(500);
			expect(
				(await call('POST', `${base}/999/delete_property/`, { body: { $unset: 'email' } })).status,
			).toBe(500);
		});

		test('DELETE answers 202 with no body; delete_events is presence-based', async () => {
			const res = await call('DELETE', `${base}/${tom}/?delete_events=false`);
			expect(res.status).toBe(202);
			expect(await res.text()).toBe('');
			expect((await call('GET', `${base}/${tom}/`)).status).toBe(404);

			expect((await call('DELETE', `${base}/${li}/`)).status).toBe(202);
			expect(emu.state.personDeletions).toEqual([
				expect.objectContaining({ uuid: tom, delete_events: true, delete_recordings: false }),
				expect.objectContaining({ uuid: li, delete_events: false }),
			]);

			emu.state.personDeleteStatus = 204; // older servers
			expect((await call('DELETE', `${base}/${maria}/`)).status).toBe(204);
		});

		test("POST persons/ is refused with 405 and PostHog's own message", async () => {
			const res = await call('POST', `${base}/`, { body: { distinct_ids: ['x'] } });
			expect(res.status).toBe(405);
			expect(await res.json()).toEqual({
				type: 'invalid_request',
				code: 'method_not_allowed',
				detail:
					'Creating persons via this API is not allowed. Please create persons by sending an $identify event. See https://posthog.com/docs/product-analytics/identify for details.',
				attr: null,
			});
		});

		test('writes need person:write', async () => {
			emu.state.keys.phx_reader = { scopes: ['person:read'] };
			expect((await call('GET', `${base}/`, { key: 'phx_reader' })).status).toBe(200);
			const res = await call('PATCH', `${base}/${tom}/`, {
				key: 'phx_reader',
				body: { properties: { a: 1 } },
			});
			expect(res.status).toBe(403);
			expect(await res.json()).toMatchObject({
				detail: "API key missing required scope 'person:write'",
			});
		});
	});
});
