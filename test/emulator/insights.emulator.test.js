'use strict';
// The emulator's insights/ CRUD: list filters and paging, get by pk or short_id with cached
// results, create, partial update, soft delete and restore, DELETE refused.
const { SEED } = require('./index');
const { useEmulator } = require('./testClient');

describe('PostHog emulator: insights/', () => {
	let emu;
	const { emu: running, call, send } = useEmulator({ now: '2025-02-01T10:00:00Z' });
	beforeAll(() => (emu = running()));
	const sqlInsight = (
		name,
		query = 'SELECT event, count() FROM events GROUP BY event ORDER BY count() DESC',
	) => ({
		name,
		saved: true,
		query: { kind: 'DataVisualizationNode', source: { kind: 'HogQLQuery', query } },
	});

	describe('list', () => {
		test('basic=true&saved=true pages with limit/offset, newest change first', async () => {
			const first = await send('GET', '/api/projects/1/insights/?basic=true&saved=true&limit=2');

			expect(first.status).toBe(200);
			expect(first.body.count).toBe(4);
			expect(first.body.results.map((i) => i.id)).toEqual([
				SEED.insightIds.signupFunnel,
				SEED.insightIds.weeklyActiveUsers,
			]);
			expect(first.body.results[0]).not.toHaveProperty('result');
			expect(first.body.previous).toBeNull();
			const next = new URL(first.body.next);
			expect(Object.fromEntries(next.searchParams)).toEqual({
				basic: 'true',
				limit: '2',
				offset: '2',
				saved: 'true',
			});

			const second = await send('GET', next.pathname + next.search);
			expect(second.body.results.map((i) => i.id)).toEqual([
				SEED.insightIds.revenueByPlan,
				SEED.insightIds.pageviewCount,
			]);
			expect(second.body.next).toBeNull();
		});

		test('saved=true hides insights created without saved; saved=false shows only those', async () => {
			const created = await send('POST', '/api/projects/1/insights/', {
				body: { name: 'Scratch', query: sqlInsight('x').query },
			});
			expect(created.body.saved).toBe(false);

			const saved = await send('GET', '/api/projects/1/insights/?basic=true&saved=true');
			expect(saved.body.results.map((i) => i.id)).not.toContain(created.body.id);
			const unsaved = await send('GET', '/api/projects/1/insights/?basic=true&saved=false');
			expect(unsaved.body.results.map((i) => i.id)).toEqual([created.body.id]);
			const all = await send('GET', '/api/projects/1/insights/?basic=true');
			expect(all.body.count).toBe(5);
		});

		test('search and short_id look-ups keep working as the insight picker uses them', async () => {
			const search = await send('GET', '/api/projects/1/insights/?basic=true&search=signup');
			expect(search.body.results.map((i) => i.id)).toEqual([SEED.insightIds.signupFunnel]);

			const byShortId = await send(
				'GET',
				`/api/projects/1/insights/?short_id=${SEED.insightShortIds.revenueByPlan}`,
			);
			expect(byShortId.body.results).toHaveLength(1);
			expect(byShortId.body.results[0]).toMatchObject({
				id: SEED.insightIds.revenueByPlan,
				result: null,
				is_cached: false,
			});
		});
	});

	describe('create and get', () => {
		test('POST creates a SQL insight (201); GET has result null on a cache miss, rows with refresh=blocking', async () => {
			const created = await send('POST', '/api/projects/1/insights/', {
				body: sqlInsight('Events by name'),
			});

			expect(created.status).toBe(201);
			expect(created.body).toMatchObject({
				name: 'Events by name',
				saved: true,
				deleted: false,
				description: null,
				derived_name: null,
				tags: [],
				query: sqlInsight('x').query,
				result: null,
				created_at: '2025-02-01T10:00:00Z',
				last_modified_at: '2025-02-01T10:00:00Z',
			});
			expect(created.body.short_id).toMatch(/^[A-Za-z0-9]{8}$/);
			const { id, short_id: shortId } = created.body;
			expect(id).toBeGreaterThan(SEED.insightIds.stagingSmokeTest);

			const miss = await send('GET', `/api/projects/1/insights/${id}/`);
			expect(miss.status).toBe(200);
			expect(miss.body).toMatchObject({
				id,
				result: null,
				columns: null,
				hasMore: null,
				is_cached: false,
				last_refresh: null,
			});

			const fresh = await send('GET', `/api/projects/1/insights/${id}/?refresh=blocking`);
			expect(fresh.body).toMatchObject({
				result: [
					['$pageview', 5],
					['signed_up', 3],
				],
				columns: ['event', 'count()'],
				types: [
					['event', 'String'],
					['count()', 'UInt64'],
				],
				hasMore: false,
				is_cached: false,
				last_refresh: '2025-02-01T10:00:00Z',
				cache_target_age: '2025-02-01T16:00:00Z',
			});

			// the cache now answers a GET without refresh, by pk or by short_id
			const byShortId = await send('GET', `/api/projects/1/insights/${shortId}/`);
			expect(byShortId.body).toMatchObject({
				id,
				result: [
					['$pageview', 5],
					['signed_up', 3],
				],
				is_cached: true,
			});
		});

		test('refresh=force_blocking recalculates; refresh=false stays on the cache', async () => {
			const { body: insight } = await send('POST', '/api/projects/1/insights/', {
				body: sqlInsight('Signups', "SELECT count() FROM events WHERE event = 'signed_up'"),
			});
			await send('GET', `/api/projects/1/insights/${insight.id}/?refresh=true`);
			emu.state.events.push({
				...emu.state.events.find((e) => e.uuid === SEED.eventIds.tomSignedUp),
				uuid: 'another',
			});

			expect(
				(await send('GET', `/api/projects/1/insights/${insight.id}/?refresh=false`)).body,
			).toMatchObject({ result: [[3]], is_cached: true });
			expect(
				(await send('GET', `/api/projects/1/insights/${insight.id}/?refresh=force_blocking`)).body,
			).toMatchObject({ result: [[4]], is_cached: false });
		});

		test('a TrendsQuery insight can be read but not calculated by the emulator (501)', async () => {
			expect(
				(await send('GET', `/api/projects/1/insights/${SEED.insightIds.weeklyActiveUsers}/`)).body,
			).toMatchObject({ result: null });
			const refresh = await send(
				'GET',
				`/api/projects/1/insights/${SEED.insightIds.weeklyActiveUsers}/?refresh=blocking`,
			);
			expect(refresh.status).toBe(501);
		});

		test('an invalid query is 400 parse_error; an unknown or other project’s id is 404', async () => {
			const bad = await send('POST', '/api/projects/1/insights/', {
				body: { name: 'x', query: { kind: 'NotAQuery' } },
			});
			expect(bad.status).toBe(400);
			expect(bad.body).toMatchObject({ type: 'invalid_request', code: 'parse_error', attr: null });
			expect(bad.body.detail).toMatch(/^1 validation error for QuerySchemaRoot\n/);

			const noText = await send('POST', '/api/projects/1/insights/', {
				body: {
					name: 'x',
					query: { kind: 'DataVisualizationNode', source: { kind: 'HogQLQuery' } },
				},
			});
			expect(noText.body.detail).toContain(
				'DataVisualizationNode.source.HogQLQuery.query\n  Field required',
			);

			const notFound = {
				type: 'invalid_request',
				code: 'not_found',
				detail: 'Not found.',
				attr: null,
			};
			expect(await send('GET', '/api/projects/1/insights/999/')).toMatchObject({
				status: 404,
				body: notFound,
			});
			expect(
				await send('GET', `/api/projects/2/insights/${SEED.insightIds.signupFunnel}/`),
			).toMatchObject({ status: 404, body: notFound });
		});

		test('writing needs insight:write', async () => {
			emu.state.keys.phx_read = { scopes: ['insight:read'] };
			const res = await send('POST', '/api/projects/1/insights/', {
				body: sqlInsight('x'),
				key: 'phx_read',
			});
			expect(res.status).toBe(403);
			expect(res.body.detail).toBe("API key missing required scope 'insight:write'");
			expect(
				(
					await send('GET', `/api/projects/1/insights/${SEED.insightIds.signupFunnel}/`, {
						key: 'phx_read',
					})
				).status,
			).toBe(200);
		});
	});

	describe('update and delete', () => {
		test('PATCH changes only the fields sent, and saved becomes true', async () => {
			const { body: created } = await send('POST', '/api/projects/1/insights/', {
				body: { ...sqlInsight('Draft'), saved: false, description: 'keep me' },
			});
			emu.now = () => new Date('2025-02-02T08:00:00Z');

			const renamed = await send('PATCH', `/api/projects/1/insights/${created.id}/`, {
				body: { name: 'Final' },
			});
			expect(renamed.status).toBe(200);
			expect(renamed.body).toMatchObject({
				name: 'Final',
				description: 'keep me',
				saved: true,
				query: created.query,
				last_modified_at: '2025-02-02T08:00:00Z',
			});

			emu.now = () => new Date('2025-02-03T08:00:00Z');
			const tagged = await send('PATCH', `/api/projects/1/insights/${created.id}/`, {
				body: { tags: ['growth'] },
			});
			expect(tagged.body).toMatchObject({
				tags: ['growth'],
				name: 'Final',
				last_modified_at: '2025-02-02T08:00:00Z',
			});
		});

		test('DELETE is 405 with no body', async () => {
			const res = await call('DELETE', `/api/projects/1/insights/${SEED.insightIds.signupFunnel}/`);
			expect(res.status).toBe(405);
			expect(res.headers.get('content-type')).toBeNull();
			expect(await res.text()).toBe('');
		});

		test('PATCH {deleted:true} soft-deletes: then GET and a second delete are 404; {deleted:false} restores', async () => {
			const path = `/api/projects/1/insights/${SEED.insightIds.revenueByPlan}/`;
			const deleted = await send('PATCH', path, { body: { deleted: true } });
			expect(deleted.status).toBe(200);
			expect(deleted.body).toMatchObject({ id: SEED.insightIds.revenueByPlan, deleted: true });

			expect((await send('GET', path)).status).toBe(404);
			expect((await send('PATCH', path, { body: { deleted: true } })).status).toBe(404);
			const listed = await send('GET', '/api/projects/1/insights/?basic=true');
			expect(listed.body.results.map((i) => i.id)).not.toContain(SEED.insightIds.revenueByPlan);

			const restored = await send('PATCH', path, { body: { deleted: false } });
			expect(restored.status).toBe(200);
			expect(restored.body.deleted).toBe(false);
			expect((await send('GET', path)).status).toBe(200);
		});
	});
});
