'use strict';
// The emulator's POST query/ (HogQL over seeded events, persons and groups) and GET query/{id}/.
const { SEED } = require('./index');
const { useEmulator } = require('./testClient');
const { addEvent } = require('./models/events');

describe('PostHog emulator: query/', () => {
	let emu;
	const { emu: running, call } = useEmulator({ now: '2025-01-22T12:00:00Z' });
	beforeAll(() => (emu = running()));
	const hogql = (query, extra = {}) => ({
		query: { kind: 'HogQLQuery', query, ...(extra.values ? { values: extra.values } : {}) },
		...extra.request,
	});
	const run = async (query, extra) => {
		const res = await call('POST', '/api/projects/1/query/', { body: hogql(query, extra) });
		return { status: res.status, body: await res.json() };
	};

	test('counts events by name with the full response shape', async () => {
		const { status, body } = await run(
			'SELECT event, count() FROM events GROUP BY event ORDER BY count() DESC',
			{ request: { refresh: 'blocking' } },
		);

		expect(status).toBe(200);
		expect(body).toEqual({
			cache_key: expect.stringMatching(/^cache_/),
			clickhouse: null,
			columns: ['event', 'count()'],
			error: null,
			explain: null,
			hasMore: false,
			hogql:
				'SELECT event, count() FROM events GROUP BY event ORDER BY count() DESC LIMIT 101 OFFSET 0',
			is_cached: false,
			last_refresh: '2025-01-22T12:00:00Z',
			limit: 100,
			metadata: null,
			modifiers: {},
			next_allowed_client_refresh: expect.any(String),
			offset: 0,
			query: 'SELECT event, count() FROM events GROUP BY event ORDER BY count() DESC',
			query_status: null,
			results: [
				['$pageview', 5],
				['signed_up', 3],
			],
			timezone: 'UTC',
			timings: [],
			types: [
				['event', 'String'],
				['count()', 'UInt64'],
			],
		});
	});

	test('signups by day over the last 7 days, relative to the clock, with Date values as strings', async () => {
		const sql = `SELECT toDate(timestamp) AS day, count() AS signups FROM events
			WHERE event = 'signed_up' AND timestamp > now() - INTERVAL 7 DAY
			GROUP BY day ORDER BY day`;
		const { status, body } = await run(sql);

		expect(status).toBe(200);
		// now is Jan 22 12:00: Maria's signup on Jan 15 11:00 is just outside the window
		expect(body.columns).toEqual(['day', 'signups']);
		expect(body.types).toEqual([
			['day', 'Date'],
			['signups', 'UInt64'],
		]);
		expect(body.results).toEqual([
			['2025-01-16', 1],
			['2025-01-18', 1],
		]);

		emu.now = () => new Date('2025-01-21T00:00:00Z');
		const wider = await run(sql, { request: { refresh: 'force_blocking' } });
		expect(wider.body.results).toEqual([
			['2025-01-15', 1],
			['2025-01-16', 1],
			['2025-01-18', 1],
		]);
	});

	test('SELECT … FROM persons with LIMIT: no paginator, so hasMore/limit/offset are null', async () => {
		const { status, body } = await run(
			'SELECT id, properties.email, created_at, is_identified FROM persons ORDER BY created_at ASC LIMIT 2',
		);

		expect(status).toBe(200);
		expect(body.columns).toEqual(['id', 'properties.email', 'created_at', 'is_identified']);
		expect(body.types).toEqual([
			['id', 'UUID'],
			['properties.email', 'Nullable(String)'],
			['created_at', "DateTime64(3, 'UTC')"],
			['is_identified', 'Bool'],
		]);
		expect(body.results).toEqual([
			[SEED.personIds.maria, 'maria@acme.com', '2024-11-05T10:02:00Z', true],
			[SEED.personIds.tom, 'tom@acme.com', '2024-11-06T09:00:00Z', true],
		]);
		expect([body.hasMore, body.limit, body.offset]).toEqual([null, null, null]);
		expect(body.hogql).toBe(
			'SELECT id, properties.email, created_at, is_identified FROM persons ORDER BY created_at ASC LIMIT 2',
		);
	});

	test('without a LIMIT at most 100 rows come back and hasMore says there are more', async () => {
		for (let i = 0; i < 150; i++)
			addEvent(emu.state, {
				event: 'bulk',
				distinctId: `bulk-${i}`,
				timestamp: `2025-01-21T00:00:${String(i % 60).padStart(2, '0')}Z`,
			});

		const capped = await run("SELECT distinct_id FROM events WHERE event = 'bulk'");
		expect(capped.body.results).toHaveLength(100);
		expect(capped.body).toMatchObject({ hasMore: true, limit: 100, offset: 0 });
		expect(capped.body.results[0]).toEqual(['bulk-0']);

		const all = await run("SELECT distinct_id FROM events WHERE event = 'bulk' LIMIT 500");
		expect(all.body.results).toHaveLength(150);
		expect(all.body.hasMore).toBeNull();

		const exactly = await run("SELECT count() FROM events WHERE event = 'bulk'");
		expect(exactly.body.results).toEqual([[150]]);
	});

	test('timestamps are ISO strings with microseconds only when present; counts are numbers', async () => {
		const { body } = await run(
			"SELECT distinct_id, timestamp, properties.plan FROM events WHERE event = 'signed_up' ORDER BY timestamp DESC",
		);

		expect(body.types).toEqual([
			['distinct_id', 'String'],
			['timestamp', "DateTime64(6, 'UTC')"],
			['properties.plan', 'Nullable(String)'],
		]);
		expect(body.results).toEqual([
			['tom@acme.com', '2025-01-18T12:00:00Z', 'pro'],
			['li@globex.com', '2025-01-16T09:15:00Z', 'free'],
			['maria@acme.com', '2025-01-15T11:00:00.123456Z', 'pro'],
		]);
	});

	test('WHERE … IN and property comparisons never match rows without the property', async () => {
		const { body } = await run(
			"SELECT event, count() AS n FROM events WHERE properties.plan IN ('pro', 'free') GROUP BY event",
		);
		expect(body.results).toEqual([['signed_up', 3]]);

		const notPro = await run("SELECT distinct_id FROM events WHERE properties.plan != 'pro'");
		expect(notPro.body.results).toEqual([['li@globex.com']]);

		const groups = await run(
			'SELECT key FROM groups WHERE index = {idx} AND created_at > toDateTime({since}) ORDER BY created_at ASC, key ASC',
			{
				values: { idx: 0, since: '2024-11-07 00:00:00' },
			},
		);
		expect(groups.body.results).toEqual([['initech'], ['hooli'], ['umbrella']]);
	});

	describe('values placeholders', () => {
		test('a {name} placeholder is replaced by the value as a constant', async () => {
			const { status, body } = await run(
				'SELECT count() AS signups FROM events WHERE event = {event_name}',
				{ values: { event_name: 'signed_up' } },
			);

			expect(status).toBe(200);
			expect(body.columns).toEqual(['signups']);
			expect(body.results).toEqual([[3]]);
			expect(body.query).toBe('SELECT count() AS signups FROM events WHERE event = {event_name}');
			expect(body.hogql).toBe(
				"SELECT count() AS signups FROM events WHERE event = 'signed_up' LIMIT 101 OFFSET 0",
			);
		});

		test('a placeholder with no values, or not among them, is a 400', async () => {
			const none = await run('SELECT count() FROM events WHERE event = {event_name}');
			expect(none.status).toBe(400);
			expect(none.body).toEqual({
				type: 'validation_error',
				code: 'invalid_input',
				detail: 'Unresolved placeholder: {event_name}',
				attr: null,
			});

			const other = await run('SELECT count() FROM events WHERE event = {event_name}', {
				values: { name: 'x', since: 'y' },
			});
			expect(other.status).toBe(400);
			expect(other.body.detail).toBe(
				'Placeholder {event_name} is not available in this context. You can use the following: name, since',
			);
		});
	});

	describe('refresh and the cache', () => {
		const sql = "SELECT count() FROM events WHERE event = 'signed_up'";

		test('blocking (and no refresh) reuses a fresh cached answer; force_blocking recalculates', async () => {
			const first = await run(sql, { request: { refresh: 'blocking' } });
			addEvent(emu.state, { event: 'signed_up', distinctId: 'new@acme.com', now: emu.now() });

			const cached = await run(sql, { request: { refresh: 'blocking' } });
			expect(cached.body).toMatchObject({
				is_cached: true,
				results: [[3]],
				cache_key: first.body.cache_key,
				last_refresh: '2025-01-22T12:00:00Z',
			});
			const omitted = await run(sql);
			expect(omitted.body).toMatchObject({ is_cached: true, results: [[3]] });

			const fresh = await run(sql, { request: { refresh: 'force_blocking' } });
			expect(fresh.body).toMatchObject({ is_cached: false, results: [[4]] });
			const legacyTrue = await run(sql, { request: { refresh: true } });
			expect(legacyTrue.body).toMatchObject({ is_cached: false, results: [[4]] });
		});

		test('a cached answer older than 6 hours is stale: blocking recalculates', async () => {
			await run(sql, { request: { refresh: 'blocking' } });
			addEvent(emu.state, { event: 'signed_up', distinctId: 'new@acme.com', now: emu.now() });

			emu.now = () => new Date('2025-01-22T17:59:59Z');
			expect((await run(sql, { request: { refresh: 'blocking' } })).body.is_cached).toBe(true);
			emu.now = () => new Date('2025-01-22T18:00:01Z');
			expect((await run(sql, { request: { refresh: 'blocking' } })).body).toMatchObject({
				is_cached: false,
				results: [[4]],
			});
		});

		test('force_async answers 202 with a query_status; GET query/{id}/ then returns the results', async () => {
			const res = await call('POST', '/api/projects/1/query/', {
				body: hogql(sql, { request: { refresh: 'force_async' } }),
			});
			expect(res.status).toBe(202);
			const queued = await res.json();
			expect(queued.query_status).toMatchObject({
				complete: false,
				error: false,
				query_async: true,
				team_id: 1,
				results: null,
			});

			const poll = await call('GET', `/api/projects/1/query/${queued.query_status.id}/`);
			expect(poll.status).toBe(200);
			const done = await poll.json();
			expect(done.query_status).toMatchObject({
				id: queued.query_status.id,
				complete: true,
				error: false,
			});
			expect(done.query_status.results).toMatchObject({
				columns: ['count()'],
				results: [[3]],
				hasMore: false,
			});

			expect(
				(await call('GET', '/api/projects/2/query/' + queued.query_status.id + '/')).status,
			).toBe(404);
		});

		test('an async query that fails is a 400 on the poll, with the error message', async () => {
			const res = await call('POST', '/api/projects/1/query/', {
				body: hogql('SELECT nope FROM events', {
					request: { refresh: 'async', client_query_id: 'my-query-1' },
				}),
			});
			expect(res.status).toBe(202);

			const poll = await call('GET', '/api/projects/1/query/my-query-1/');
			expect(poll.status).toBe(400);
			expect((await poll.json()).query_status).toMatchObject({
				complete: true,
				error: true,
				error_message: 'Unable to resolve field: nope',
			});
		});
	});

	describe('errors', () => {
		test('HogQL errors are 400 validation_error carrying the message', async () => {
			const cases = [
				['SELEC event FROM events', "no viable alternative at input 'SELEC'"],
				['SELECT event, count( FROM events GROUP BY event', "missing ')' at '<EOF>'"],
				[
					"SELECT event FROM events WHERE event = 'signed_up",
					"token recognition error at: ''signed_up'",
				],
				['SELECT event FROM evnts', 'Unknown table `evnts`.'],
				['SELECT evnt FROM events', 'Unable to resolve field: evnt'],
			];
			for (const [sql, detail] of cases) {
				const { status, body } = await run(sql);
				expect({ sql, status, body }).toEqual({
					sql,
					status: 400,
					body: { type: 'validation_error', code: 'invalid_input', detail, attr: null },
				});
			}
		});

		test('a query outside the emulator’s table is a 501, not a made-up answer', async () => {
			const { status, body } = await run('SELECT uniq(distinct_id) FROM events');
			expect(status).toBe(501);
			expect(body).toMatchObject({ code: 'emulator_unsupported' });

			const kind = await call('POST', '/api/projects/1/query/', {
				body: { query: { kind: 'TrendsQuery', series: [] } },
			});
			expect(kind.status).toBe(501);
		});

		test('a body QueryRequest rejects is 400 parse_error with pydantic’s text', async () => {
			const noQuery = await call('POST', '/api/projects/1/query/', {
				body: { refresh: 'blocking' },
			});
			expect(noQuery.status).toBe(400);
			const body = await noQuery.json();
			expect(body).toMatchObject({ type: 'invalid_request', code: 'parse_error', attr: null });
			expect(body.detail).toMatch(
				/^JSON parse error - 1 validation error for QueryRequest\nquery\n {2}Field required \[type=missing/,
			);

			const badRefresh = await call('POST', '/api/projects/1/query/', {
				body: hogql('SELECT count() FROM events', { request: { refresh: 'sometimes' } }),
			});
			expect(badRefresh.status).toBe(400);
			expect((await badRefresh.json()).detail).toContain(
				"Input should be 'async', 'async_except_on_cache_miss', 'blocking', 'force_async', 'force_blocking', 'force_cache' or 'lazy_async'",
			);

			const noText = await call('POST', '/api/projects/1/query/', {
				body: { query: { kind: 'HogQLQuery' } },
			});
			expect((await noText.json()).detail).toContain('query.HogQLQuery.query\n  Field required');
		});

		test('OFFSET is refused for personal keys when the newest rule is on', async () => {
			const sql = 'SELECT distinct_id FROM events ORDER BY timestamp LIMIT 2 OFFSET 2';
			expect((await run(sql)).body.results).toEqual([['maria@acme.com'], ['li@globex.com']]);

			emu.state.personalKeyOffsetBlocked = true;
			// the check runs in the calculation: a fresh cached answer would still be served
			const refused = await run(sql, { request: { refresh: 'force_blocking' } });
			expect(refused.status).toBe(400);
			expect(refused.body.detail).toMatch(
				/^OFFSET is not supported on queries made with a personal API key\./,
			);
		});

		test('query:read is the scope, for POST and for the poll', async () => {
			emu.state.keys.phx_insights = { scopes: ['insight:read'] };
			const refused = await call('POST', '/api/projects/1/query/', {
				body: hogql('SELECT count() FROM events'),
				key: 'phx_insights',
			});
			expect(refused.status).toBe(403);
			expect(await refused.json()).toMatchObject({
				detail: "API key missing required scope 'query:read'",
			});

			emu.state.keys.phx_query = { scopes: ['query:read'] };
			expect(
				(
					await call('POST', '/api/projects/1/query/', {
						body: hogql('SELECT count() FROM events'),
						key: 'phx_query',
					})
				).status,
			).toBe(200);
			expect(
				(await call('GET', '/api/projects/1/query/some-id/', { key: 'phx_insights' })).status,
			).toBe(403);
			expect(
				(await call('GET', '/api/projects/1/query/some-id/', { key: 'phx_query' })).status,
			).toBe(404);
		});

		test('each project sees its own rows', async () => {
			const res = await call('POST', '/api/projects/2/query/', {
				body: hogql('SELECT event, distinct_id FROM events'),
			});
			expect((await res.json()).results).toEqual([['$pageview', 'qa@staging.example']]);
		});
	});
});
