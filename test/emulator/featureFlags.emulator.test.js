'use strict';
// The emulator's feature_flags/ endpoints answer as PostHog does (docs/posthog-api-part2.md §4).
const { SEED } = require('./index');
const { useEmulator } = require('./testClient');

describe('PostHog emulator: feature flags', () => {
	let emu;
	const keysOf = async (query = '') =>
		(await getJson(`${base}/${query}`)).results.map((f) => f.key);
	const base = '/api/projects/1/feature_flags';
	const ids = SEED.featureFlagIds;
	const NOW = '2025-02-01T00:00:00Z';

	const { emu: running, call, getJson } = useEmulator({ now: NOW });
	beforeAll(() => (emu = running()));

	describe('list', () => {
		test('newest first, without deleted, archived, internal or other-project flags', async () => {
			const page = await getJson(`${base}/`);
			expect(page).toMatchObject({ count: 5, next: null, previous: null });
			expect(page.results.map((f) => f.key)).toEqual([
				'dark-mode-test',
				'beta-checkout',
				'beta',
				'beta-banner',
				'new-onboarding',
			]);
			expect(page.results[4]).toMatchObject({
				id: ids.newOnboarding,
				name: 'New onboarding flow',
				key: 'new-onboarding',
				deleted: false,
				active: true,
				archived: false,
				version: 3,
				status: 'ACTIVE',
				tags: ['onboarding'],
				created_by: { email: SEED.userEmail },
			});
			expect(await keysOf('?archived=true')).toEqual(['legacy-search']);
			expect(emu.state.featureFlagListRequests).toBe(2);
		});

		test('search is a case-insensitive substring of key or name, so `beta` finds three flags', async () => {
			expect(await keysOf('?search=beta')).toEqual(['beta-checkout', 'beta', 'beta-banner']);
			expect(await keysOf('?search=BETA')).toEqual(['beta-checkout', 'beta', 'beta-banner']);
			expect(await keysOf('?search=flow')).toEqual(['new-onboarding']); // the name
			expect(await keysOf('?key=BETA')).toEqual(['beta']); // exact, case-insensitive
		});

		test('active=true/false/STALE (stale: 100% rolled out, never called, 30+ days old)', async () => {
			expect(await keysOf('?active=true')).toEqual([
				'beta-checkout',
				'beta',
				'beta-banner',
				'new-onboarding',
			]);
			expect(await keysOf('?active=false')).toEqual(['dark-mode-test']);
			expect(await keysOf('?active=STALE')).toEqual(['beta-banner']);
			emu.now = () => new Date('2025-01-05T00:00:00Z'); // beta-banner is not 30 days old yet
			expect(await keysOf('?active=STALE')).toEqual([]);
		});

		test('limit/offset paging with an absolute `next`', async () => {
			const page = await getJson(`${base}/?limit=2`);
			expect(page.results).toHaveLength(2);
			expect(page.next).toBe(`${emu.url}${base}/?limit=2&offset=2`);
		});
	});

	describe('get', () => {
		test('soft-deleted flags stay retrievable; unknown, non-numeric and other-project ids are 404', async () => {
			expect(await getJson(`${base}/${ids.oldCheckout}/`)).toMatchObject({
				key: 'old-checkout',
				deleted: true,
				status: 'DELETED',
			});
			for (const id of ['999', 'beta', String(ids.stagingKillSwitch)]) {
				const res = await call('GET', `${base}/${id}/`);
				expect(res.status).toBe(404);
				expect(await res.json()).toEqual({
					type: 'invalid_request',
					code: 'not_found',
					detail: 'Not found.',
					attr: null,
				});
			}
		});
	});

	describe('create', () => {
		test('201 with active defaulting to true, version 1 and the emulator clock', async () => {
			const res = await call('POST', `${base}/`, {
				body: {
					key: 'new-checkout',
					name: 'New checkout',
					filters: { groups: [{ properties: [], rollout_percentage: 25 }] },
				},
			});
			expect(res.status).toBe(201);
			const flag = await res.json();
			expect(flag).toMatchObject({
				key: 'new-checkout',
				name: 'New checkout',
				active: true,
				deleted: false,
				version: 1,
				created_at: NOW,
				filters: { groups: [{ properties: [], rollout_percentage: 25 }] },
			});
			expect(await getJson(`${base}/${flag.id}/`)).toEqual(flag);
		});

		test('a taken key is 400 `unique`; soft-deleted keys are reusable', async () => {
			const dup = await call('POST', `${base}/`, { body: { key: 'beta' } });
			expect(dup.status).toBe(400);
			expect(await dup.json()).toEqual({
				type: 'validation_error',
				code: 'unique',
				detail: 'There is already a feature flag with this key.',
				attr: 'key',
			});

			const reuse = await call('POST', `${base}/`, { body: { key: 'old-checkout' } });
			expect(reuse.status).toBe(201);
			expect((await call('GET', `${base}/${ids.oldCheckout}/`)).status).toBe(404); // the tombstone is gone
		});

		test('key validation: required, and only letters, digits, - and _', async () => {
			const missing = await call('POST', `${base}/`, { body: { name: 'no key' } });
			expect(missing.status).toBe(400);
			expect(await missing.json()).toEqual({
				type: 'validation_error',
				code: 'required',
				detail: 'This field is required.',
				attr: 'key',
			});

			const bad = await call('POST', `${base}/`, { body: { key: 'new checkout!' } });
			expect(bad.status).toBe(400);
			expect(await bad.json()).toEqual({
				type: 'validation_error',
				code: 'invalid_key',
				detail: 'Only letters, numbers, hyphens (-) & underscores (_) are allowed.',
				attr: 'key',
			});

			const archived = await call('POST', `${base}/`, { body: { key: 'x', archived: true } });
			expect(archived.status).toBe(400);
			expect(await archived.json()).toMatchObject({
				attr: null,
				detail: expect.stringMatching(/^Cannot archive an enabled feature flag/),
			});
		});
	});

	describe('update and delete', () => {
		test('PATCH merges top-level filter keys, bumps version; `filters: {}` changes nothing', async () => {
			const path = `${base}/${ids.betaCheckout}/`;
			const before = await getJson(path);
			const groups = [
				{
					properties: [{ key: 'email', value: '@acme.com', operator: 'icontains', type: 'person' }],
					rollout_percentage: 40,
					variant: null,
				},
			];
			const res = await call('PATCH', path, { body: { filters: { groups } } });
			expect(res.status).toBe(200);
			const after = await res.json();
			expect(after.filters).toEqual({ ...before.filters, groups });
			expect(after.version).toBe(before.version + 1);
			expect(after.updated_at).toBe(NOW);

			const noop = await (await call('PATCH', path, { body: { filters: {} } })).json();
			expect(noop.filters).toEqual(after.filters);
		});

		test('renaming into a taken key is the same 400', async () => {
			const res = await call('PATCH', `${base}/${ids.beta}/`, { body: { key: 'beta-banner' } });
			expect(res.status).toBe(400);
			expect(await res.json()).toMatchObject({ code: 'unique', attr: 'key' });
		});

		test('DELETE is 405 with an empty body; delete is PATCH {deleted:true}, restorable', async () => {
			const del = await call('DELETE', `${base}/${ids.beta}/`);
			expect(del.status).toBe(405);
			expect(del.headers.get('content-type')).toBeNull();
			expect(await del.text()).toBe('');
			expect(await keysOf()).toContain('beta');

			const soft = await call('PATCH', `${base}/${ids.beta}/`, { body: { deleted: true } });
			expect(soft.status).toBe(200);
			expect(await soft.json()).toMatchObject({ key: 'beta', deleted: true, status: 'DELETED' });
			expect(await keysOf()).not.toContain('beta');
			expect((await call('GET', `${base}/${ids.beta}/`)).status).toBe(200);

			await call('PATCH', `${base}/${ids.beta}/`, { body: { deleted: false } });
			expect(await keysOf()).toContain('beta');
		});

		test('a stale `version` with an `original_flag` showing the same field changed is 409', async () => {
			// version 3, named 'New onboarding flow' by someone else since this client read 'Onboarding' at version 2
			const path = `${base}/${ids.newOnboarding}/`;
			const stale = { version: 2, original_flag: { name: 'Onboarding' }, name: 'Onboarding v2' };
			const res = await call('PATCH', path, { body: stale });
			expect(res.status).toBe(409);
			expect(await res.json()).toEqual({
				type: 'invalid_request',
				code: 'conflict',
				detail: `The feature flag was updated by ${SEED.userEmail} since you started editing it. Please refresh and try again.`,
				attr: null,
			});

			// a field nobody else touched goes through
			const other = await call('PATCH', path, {
				body: { version: 2, original_flag: { active: true }, active: false },
			});
			expect(other.status).toBe(200);
			expect(await other.json()).toMatchObject({
				active: false,
				name: 'New onboarding flow',
				version: 4,
			});
			const noOriginal = await call('PATCH', path, { body: { version: 2, name: 'Onboarding v2' } });
			expect(noOriginal.status).toBe(200);
			expect(await noOriginal.json()).toMatchObject({ name: 'Onboarding v2', version: 5 });
		});

		test('writes need feature_flag:write, checked before the 405', async () => {
			emu.state.keys.phx_reader = { scopes: ['feature_flag:read'] };
			const res = await call('DELETE', `${base}/${ids.beta}/`, { key: 'phx_reader' });
			expect(res.status).toBe(403);
			expect(await res.json()).toMatchObject({
				detail: "API key missing required scope 'feature_flag:write'",
			});
		});
	});
});
