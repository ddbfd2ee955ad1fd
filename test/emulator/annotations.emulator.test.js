'use strict';
// The emulator's annotations/ endpoints answer as PostHog does (docs/posthog-api-part2.md §9, §11).
const { SEED } = require('./index');
const { useEmulator } = require('./testClient');

describe('PostHog emulator: annotations', () => {
	let emu;
	const base = '/api/projects/1/annotations';
	const idsOf = async (query = '', path = base) =>
		(await getJson(`${path}/${query}`)).results.map((a) => a.id);
	const ids = SEED.annotationIds;
	const NOW = '2025-02-01T10:00:00Z';

	const { emu: running, call, getJson } = useEmulator({ now: NOW });
	beforeAll(() => (emu = running()));

	const expectBadRequest = async (res, detail, attr = null, code = 'invalid_input') => {
		expect(res.status).toBe(400);
		expect(await res.json()).toEqual({ type: 'validation_error', code, detail, attr });
	};

	describe('list', () => {
		test('-date_marker (null first), with org-wide annotations of sibling projects', async () => {
			const page = await getJson(`${base}/`);
			expect(page).toMatchObject({ count: 6, next: null, previous: null });
			// not: deleted (4), project-scoped in project 2 (6), attached to a soft-deleted insight (7)
			expect(page.results.map((a) => a.id)).toEqual([
				ids.undated,
				ids.deploy143,
				ids.deploy142,
				ids.pricingLaunch,
				ids.orgOffsite,
				ids.blackFriday,
			]);
			expect(page.results.find((a) => a.id === ids.blackFriday)).toMatchObject({
				dashboard_item: 101,
				insight_short_id: 'aB3dE5fG',
				insight_name: 'Signup funnel',
				scope: 'dashboard_item',
			});
			expect(await idsOf('', '/api/projects/2/annotations')).toEqual([
				ids.stagingDeploy,
				ids.orgOffsite,
			]);
		});

		test('search: every term is a case-insensitive substring of content', async () => {
			expect(await idsOf('?search=deployed')).toEqual([ids.deploy143, ids.deploy142]);
			expect(await idsOf('?search=V1.4')).toEqual([ids.deploy143, ids.deploy142]);
			expect(await idsOf('?search=deployed%204.3')).toEqual([ids.deploy143]);
		});

		test('hidden_in_user_interface: true/1/yes = only hidden rows, anything else = false or null', async () => {
			expect(await idsOf('?hidden_in_user_interface=yes')).toEqual([ids.deploy142]);
			expect(await idsOf('?hidden_in_user_interface=banana')).not.toContain(ids.deploy142);
			expect(await idsOf('?hidden_in_user_interface=banana')).toHaveLength(5);
		});

		test('date_from/date_to are inclusive bounds on date_marker; bad values are 400', async () => {
			expect(await idsOf('?date_from=2025-01-10T12:00:00Z&date_to=2025-01-15T09:30:00Z')).toEqual([
				ids.deploy142,
				ids.pricingLaunch,
			]);
			expect(await idsOf('?date_from=2025-01-16')).toEqual([ids.deploy143]);
			await expectBadRequest(
				await call('GET', `${base}/?date_from=yesterday`),
				'Invalid date range: date_from must be a valid ISO 8601 date',
			);
			await expectBadRequest(
				await call('GET', `${base}/?date_from=2025-02-01&date_to=2025-01-01`),
				'Invalid date range: date_from must be before date_to',
			);
			await expectBadRequest(await call('GET', `${base}/?scope=nope`), 'Invalid scope: nope');
		});

		test('limit/offset, default limit 1000', async () => {
			const page = await getJson(`${base}/?limit=2&offset=2`);
			expect(page.results.map((a) => a.id)).toEqual([ids.deploy142, ids.pricingLaunch]);
			expect(page.next).toBe(`${emu.url}${base}/?limit=2&offset=4`);
			expect(page.previous).toBe(`${emu.url}${base}/?limit=2`);

			for (let i = 0; i < 1000; i++) {
				emu.state.annotations.push({
					...emu.state.annotations[0],
					id: 100 + i,
					date_marker: '2024-01-01T00:00:00Z',
				});
			}
			const big = await getJson(`${base}/`);
			expect(big.results).toHaveLength(1000);
			expect(big.next).toBe(`${emu.url}${base}/?limit=1000&offset=1000`);
		});
	});

	describe('create', () => {
		test('no defaults beyond the model: scope dashboard_item, date_marker null', async () => {
			const res = await call('POST', `${base}/`, { body: { content: 'Bare note' } });
			expect(res.status).toBe(201);
			const created = await res.json();
			expect(created).toMatchObject({
				content: 'Bare note',
				date_marker: null,
				scope: 'dashboard_item',
				creation_type: 'USR',
				deleted: false,
				emoji: null,
				hidden_in_user_interface: null,
				tags: [],
				created_at: NOW,
				updated_at: NOW,
				created_by: { email: SEED.userEmail },
			});
			expect(await getJson(`${base}/${created.id}/`)).toEqual(created);
		});

		test('a deploy marker: fields are kept as sent, dates re-rendered in UTC', async () => {
			const body = {
				content: 'Deployed v1.2.3',
				date_marker: '2025-06-01T12:00:00+02:00',
				scope: 'project',
				creation_type: 'GIT',
			};
			const res = await call('POST', `${base}/`, { body });
			expect(res.status).toBe(201);
			expect(await res.json()).toMatchObject({ ...body, date_marker: '2025-06-01T10:00:00Z' });
		});

		test('validation errors', async () => {
			await expectBadRequest(
				await call('POST', `${base}/`, { body: { scope: 'foo' } }),
				'"foo" is not a valid choice.',
				'scope',
				'invalid_choice',
			);
			await expectBadRequest(
				await call('POST', `${base}/`, { body: { scope: 'recording' } }),
				'Recording scope is deprecated',
			);
			await expectBadRequest(
				await call('POST', `${base}/`, { body: { dashboard_id: 999 } }),
				'Dashboard not found.',
				'dashboard_id',
			);
			await expectBadRequest(
				await call('POST', `${base}/`, { body: { content: 'x'.repeat(8193) } }),
				'Ensure this field has no more than 8192 characters.',
				'content',
				'max_length',
			);
			await expectBadRequest(
				await call('POST', `${base}/`, { body: { dashboard_item: 201 } }), // an insight of project 2
				'Invalid pk "201" - object does not exist.',
				'dashboard_item',
				'does_not_exist',
			);
		});
	});

	describe('get, update, delete', () => {
		test('an org-wide annotation of a sibling project is readable; deleted ones are 404', async () => {
			expect(await getJson(`${base}/${ids.orgOffsite}/`)).toMatchObject({
				scope: 'organization',
				content: 'Company offsite (all projects)',
			});
			expect((await call('GET', `${base}/${ids.deleted}/`)).status).toBe(404);
			expect((await call('GET', `${base}/${ids.stagingDeploy}/`)).status).toBe(404);
		});

		test('DELETE is 405 with an empty body; PATCH {deleted:true} hides it, {deleted:false} restores', async () => {
			const del = await call('DELETE', `${base}/${ids.pricingLaunch}/`);
			expect(del.status).toBe(405);
			expect(del.headers.get('content-type')).toBeNull();
			expect(await del.text()).toBe('');
			expect(await idsOf()).toContain(ids.pricingLaunch);

			const soft = await call('PATCH', `${base}/${ids.pricingLaunch}/`, {
				body: { deleted: true },
			});
			expect(soft.status).toBe(200);
			expect(await soft.json()).toMatchObject({
				id: ids.pricingLaunch,
				deleted: true,
				updated_at: NOW,
			});
			expect(await idsOf()).not.toContain(ids.pricingLaunch);
			expect((await call('GET', `${base}/${ids.pricingLaunch}/`)).status).toBe(404);

			const restored = await call('PATCH', `${base}/${ids.pricingLaunch}/`, {
				body: { deleted: false },
			});
			expect(restored.status).toBe(200);
			expect(await idsOf()).toContain(ids.pricingLaunch);
		});

		test('PATCHing an org-wide annotation through another project moves it there', async () => {
			const res = await call('PATCH', `${base}/${ids.orgOffsite}/`, { body: { scope: 'project' } });
			expect(res.status).toBe(200);
			expect(await idsOf()).toContain(ids.orgOffsite);
			expect(await idsOf('', '/api/projects/2/annotations')).toEqual([ids.stagingDeploy]);
		});

		test('writes need annotation:write', async () => {
			emu.state.keys.phx_reader = { scopes: ['annotation:read'] };
			expect((await call('GET', `${base}/`, { key: 'phx_reader' })).status).toBe(200);
			const res = await call('POST', `${base}/`, { key: 'phx_reader', body: { content: 'x' } });
			expect(res.status).toBe(403);
			expect(await res.json()).toMatchObject({
				detail: "API key missing required scope 'annotation:write'",
			});
		});
	});
});
