// query → run: `POST query/` body `{query:{kind:"HogQLQuery", query, values?}, refresh}`; one item
// per result row (docs/posthog-api-part2.md §5.2, §7).
const { usePostHog } = require('../helpers/posthog');
const { addEvent } = require('../emulator/models/events');
const faults = require('../emulator/faults');
const operations = require('../helpers/operations');

const posthog = usePostHog();

const QUERY_PATH = '/api/projects/1/query/';
const BY_EVENT = 'SELECT event, count() AS total FROM events GROUP BY event ORDER BY total DESC';
const SIGNUPS_BY_DAY =
	'SELECT toDate(timestamp) AS day, count() AS signups FROM events WHERE event = {event} AND timestamp >= now() - INTERVAL {days} DAY GROUP BY day ORDER BY day';

const run = (query, extra = {}) => operations.query.run({ query, ...extra });
const placeholders = (...pairs) => ({ value: pairs.map(([name, value]) => ({ name, value })) });
const hogQLBody = (query, { values, refresh = 'blocking' } = {}) => ({
	query: { kind: 'HogQLQuery', query, ...(values ? { values } : {}) },
	refresh,
});

/** `count` more $pageview events in project 1, on top of the 5 seeded ones. */
function addPageviews(count) {
	for (let n = 0; n < count; n++) {
		addEvent(posthog.emulator.state, {
			event: '$pageview',
			distinctId: `visitor-${n}`,
			timestamp: new Date(Date.parse('2025-01-19T00:00:00Z') + n * 1000).toISOString(),
		});
	}
}

describe('query run', () => {
	beforeEach(() => {
		// The node paces each API key to PostHog's limits across executions (120 queries an hour
		// here) and remembers a 429's wait: each test starts two (fake) hours after the last.
		posthog.time.nowMs += 2 * 3600e3;
		// "now" for the queries' now() - INTERVAL …: the day after the seeded week of events
		posthog.emulator.now = () => new Date('2025-01-21T06:00:00Z');
	});

	test('run POSTs the HogQL query with refresh "blocking" and outputs one item per row, keyed by column', async () => {
		const { json, items, error } = await posthog.run(run(BY_EVENT));

		expect(error).toBeUndefined();
		posthog.expectReceived([{ method: 'POST', path: QUERY_PATH, body: hogQLBody(BY_EVENT) }]);
		expect(json).toEqual([
			{ event: '$pageview', total: 5 },
			{ event: 'signed_up', total: 3 },
		]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	test('run keeps the types PostHog sent: numbers, booleans, null, and DateTime as ISO text', async () => {
		const persons =
			'SELECT id, created_at, is_identified, properties.email FROM persons ORDER BY created_at LIMIT 4';
		const signups =
			"SELECT uuid, timestamp, properties.plan FROM events WHERE event = 'signed_up' ORDER BY timestamp LIMIT 1";
		const groups = 'SELECT key, index, created_at FROM groups ORDER BY created_at LIMIT 1';

		const people = await posthog.run(run(persons));
		const signup = await posthog.run(run(signups));
		const group = await posthog.run(run(groups));

		expect([people.error, signup.error, group.error]).toEqual([undefined, undefined, undefined]);
		expect(people.json[3]).toEqual({
			id: '0193a1b5-c3d4-7e5f-8a6b-000000000004',
			created_at: '2024-11-12T12:30:00Z',
			is_identified: false,
			'properties.email': null,
		});
		expect(people.json.map((person) => person.is_identified)).toEqual([true, true, true, false]);
		expect(signup.json).toEqual([
			{
				uuid: '0193a1ba-c3d4-7e5f-8a6b-000000000003',
				timestamp: '2025-01-15T11:00:00.123456Z',
				'properties.plan': 'pro',
			},
		]);
		expect(group.json).toEqual([
			{ key: 'acme', index: 0, created_at: '2024-11-05T10:00:00.123456Z' },
		]);
		expect(typeof group.json[0].index).toBe('number');
	});

	test('run with Fresh Results sends refresh "force_blocking", so a cached answer is not reused', async () => {
		await posthog.run(run(BY_EVENT));
		addEvent(posthog.emulator.state, {
			event: 'signed_up',
			distinctId: 'new@acme.com',
			timestamp: '2025-01-20T10:00:00Z',
		});

		const cached = await posthog.run(run(BY_EVENT));
		const fresh = await posthog.run(run(BY_EVENT, { options: { fresh: true } }));

		posthog.expectReceived([
			{ method: 'POST', path: QUERY_PATH, body: hogQLBody(BY_EVENT) },
			{ method: 'POST', path: QUERY_PATH, body: hogQLBody(BY_EVENT) },
			{
				method: 'POST',
				path: QUERY_PATH,
				body: hogQLBody(BY_EVENT, { refresh: 'force_blocking' }),
			},
		]);
		expect(cached.json[1]).toEqual({ event: 'signed_up', total: 3 });
		expect(fresh.json[1]).toEqual({ event: 'signed_up', total: 4 });
	});

	test('run with no rows outputs no items', async () => {
		const { json, error } = await posthog.run(
			run("SELECT event, timestamp FROM events WHERE event = 'never_sent'"),
		);

		expect(error).toBeUndefined();
		expect(json).toEqual([]);
		expect(posthog.requests()).toHaveLength(1);
	});

	describe('placeholder values', () => {
		test('Placeholder Values are sent as query.values, numbers typed as numbers, and PostHog fills {event} and {days}', async () => {
			const { json, error } = await posthog.run(
				run(SIGNUPS_BY_DAY, { values: placeholders(['event', 'signed_up'], ['days', '7']) }),
			);

			expect(error).toBeUndefined();
			posthog.expectReceived([
				{
					method: 'POST',
					path: QUERY_PATH,
					body: hogQLBody(SIGNUPS_BY_DAY, { values: { event: 'signed_up', days: 7 } }),
				},
			]);
			expect(json).toEqual([
				{ day: '2025-01-15', signups: 1 },
				{ day: '2025-01-16', signups: 1 },
				{ day: '2025-01-18', signups: 1 },
			]);
		});

		test('values typed as JSON keep their JSON type, "quoted" text is a string, and {name} is accepted as a name', async () => {
			await posthog.run(
				run(BY_EVENT, {
					values: placeholders(
						['{flag}', 'true'],
						['zip', '007'],
						['id', '"42"'],
						['ratio', '0.5'],
						['ids', '[1, 2]'],
						['text', 'hello world'],
					),
				}),
			);

			expect(posthog.lastRequest().body.query.values).toEqual({
				flag: true,
				zip: '007',
				id: '42',
				ratio: 0.5,
				ids: [1, 2],
				text: 'hello world',
			});
		});

		test('each input item sends its own values from an expression, and its rows are paired to it', async () => {
			const query =
				'SELECT distinct_id, timestamp FROM events WHERE event = {event} ORDER BY timestamp LIMIT 1';
			const { json, items, error } = await posthog.run(
				run(query, { values: placeholders(['event', '={{ $json.event }}']) }),
				{ input: [{ json: { event: 'signed_up' } }, { json: { event: '$pageview' } }] },
			);

			expect(error).toBeUndefined();
			const sent = posthog.requests().map((request) => request.body.query.values);
			expect(sent.sort((a, b) => a.event.localeCompare(b.event))).toEqual([
				{ event: '$pageview' },
				{ event: 'signed_up' },
			]);
			expect(json).toEqual([
				{ distinct_id: 'maria@acme.com', timestamp: '2025-01-15T11:00:00.123456Z' },
				{ distinct_id: 'maria@acme.com', timestamp: '2025-01-14T09:00:00Z' },
			]);
			expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		});

		test('a number from an expression is sent as a number', async () => {
			await posthog.run(
				run(SIGNUPS_BY_DAY, {
					values: placeholders(['event', 'signed_up'], ['days', '={{ $json.days }}']),
				}),
				{ input: [{ json: { days: 2 } }] },
			);

			expect(posthog.lastRequest().body.query.values).toEqual({ event: 'signed_up', days: 2 });
		});

		test('item data in Placeholder Values stays a value: a quote in it cannot change the query', async () => {
			const query = 'SELECT event, count() FROM events WHERE distinct_id = {who} GROUP BY event';
			const { json, error } = await posthog.run(
				run(query, { values: placeholders(['who', '={{ $json.who }}']) }),
				{ input: [{ json: { who: "x' OR '1'='1" } }] },
			);

			expect(error).toBeUndefined();
			expect(posthog.lastRequest().body.query.values).toEqual({ who: "x' OR '1'='1" });
			expect(json).toEqual([]);
		});

		test.each([
			[[['', 'signed_up']], 'Placeholder Values: value 1 has no name'],
			[
				[
					['event', 'a'],
					['my event', 'b'],
				],
				'Placeholder Values: value 2 has the name "my event", which is not a placeholder name (letters, digits and _)',
			],
			[
				[
					['event', 'a'],
					['{event}', 'b'],
				],
				'Placeholder Values: "event" is given twice',
			],
			[
				[['filter', '{"broken": ']],
				'Placeholder Values: the value of "filter" looks like JSON but does not parse',
			],
		])('bad Placeholder Values %j are refused before any request', async (pairs, message) => {
			const { error } = await posthog.run(run(SIGNUPS_BY_DAY, { values: placeholders(...pairs) }));

			expect(error.message).toBe(message);
			expect(posthog.requests()).toHaveLength(0);
		});

		test('a placeholder without a value fails with PostHog’s 400 message', async () => {
			const { error } = await posthog.run(
				run(SIGNUPS_BY_DAY, { values: placeholders(['event', 'signed_up']) }),
			);

			expect(error.httpCode).toBe('400');
			expect(error.message).toBe(
				'Placeholder {days} is not available in this context. You can use the following: event',
			);
			expect(posthog.requests()).toHaveLength(1);
		});
	});

	describe('row limit', () => {
		test('when PostHog has more rows than it returned, run fails, says how many came back and how to get all', async () => {
			addPageviews(150);

			const { json, error } = await posthog.run(
				run('SELECT distinct_id, timestamp FROM events ORDER BY timestamp'),
			);

			expect(json).toEqual([]);
			expect(error.message).toBe(
				'PostHog returned only the first 100 rows of this query; it has more',
			);
			expect(error.description).toContain(
				'end the query with a LIMIT of up to 50,000 (e.g. LIMIT 50000)',
			);
			expect(error.description).toContain('turn on Options → Partial Results');
			expect(posthog.requests()).toHaveLength(1);
		});

		test('with Partial Results on, run outputs the 100 rows PostHog returned', async () => {
			addPageviews(150);

			const { json, items, error } = await posthog.run(
				run('SELECT distinct_id, timestamp FROM events ORDER BY timestamp', {
					options: { partialResults: true },
				}),
			);

			expect(error).toBeUndefined();
			expect(json).toHaveLength(100);
			expect(json[0]).toEqual({ distinct_id: 'maria@acme.com', timestamp: '2025-01-14T09:00:00Z' });
			expect(items[99].pairedItem).toEqual({ item: 0 });
		});

		test('with a LIMIT the query returns every row, and no error', async () => {
			addPageviews(150);

			const { json, error } = await posthog.run(
				run('SELECT distinct_id, timestamp FROM events ORDER BY timestamp LIMIT 50000'),
			);

			expect(error).toBeUndefined();
			expect(json).toHaveLength(158);
			expect(json[156]).toEqual({ distinct_id: 'visitor-149', timestamp: '2025-01-19T00:02:29Z' });
			expect(json[157]).toEqual({
				distinct_id: 'maria@acme.com',
				timestamp: '2025-01-20T08:00:00Z',
			});
		});

		test('with Continue On Fail, the row-limit error becomes the item’s output', async () => {
			addPageviews(150);

			const { json, error } = await posthog.run(run('SELECT distinct_id FROM events'), {
				continueOnFail: true,
			});

			expect(error).toBeUndefined();
			expect(json).toHaveLength(1);
			expect(json[0].error).toBe(
				'PostHog returned only the first 100 rows of this query; it has more',
			);
		});
	});

	describe('errors', () => {
		test.each([
			['SELECT nope FROM events', 'Unable to resolve field: nope'],
			['SELECT event FROM evnts', 'Unknown table `evnts`.'],
			['SELECT event, count( FROM events', "missing ')' at '<EOF>'"],
		])(
			'HogQL error in %s: PostHog’s 400 message, one request, no retry',
			async (query, message) => {
				const { error } = await posthog.run(run(query));

				expect(error.httpCode).toBe('400');
				expect(error.message).toBe(message);
				posthog.expectReceived([{ method: 'POST', path: QUERY_PATH, body: hogQLBody(query) }]);
			},
		);

		test('a blank query is refused before any request', async () => {
			const { error } = await posthog.run(run('   '));

			expect(error.message).toBe('Query: must not be empty');
			expect(posthog.requests()).toHaveLength(0);
		});
	});

	describe('a HogQL query only reads, so it is retried like a GET', () => {
		test.each([500, 502, 503, 504])('a %i is retried, then the rows come out', async (status) => {
			posthog.emulator.override = faults.first(1, faults.serverError(status));

			const { json, error } = await posthog.run(run(BY_EVENT));

			expect(error).toBeUndefined();
			expect(posthog.requests().map((request) => request.status)).toEqual([status, 200]);
			posthog.expectReceived([
				{ method: 'POST', path: QUERY_PATH, body: hogQLBody(BY_EVENT) },
				{ method: 'POST', path: QUERY_PATH, body: hogQLBody(BY_EVENT) },
			]);
			expect(json).toHaveLength(2);
		});

		test('PostHog’s 500 “Query is still running” is retried', async () => {
			posthog.emulator.override = faults.first(1, () => ({
				status: 500,
				body: { type: 'server_error', code: 'error', detail: 'Query is still running', attr: null },
			}));

			const { json, error } = await posthog.run(run(BY_EVENT));

			expect(error).toBeUndefined();
			expect(posthog.requests().map((request) => request.status)).toEqual([500, 200]);
			expect(json).toHaveLength(2);
		});

		test('a dropped connection is retried', async () => {
			posthog.emulator.override = faults.first(1, faults.dropConnection());

			const { json, error } = await posthog.run(run(BY_EVENT));

			expect(error).toBeUndefined();
			expect(posthog.requests().map((request) => request.status)).toEqual(['dropped', 200]);
			expect(json).toHaveLength(2);
		});
	});

	describe('rate limit (120 queries an hour per key)', () => {
		test('a 429 asking for a wait longer than Max Wait fails at once, naming the wait and the 120/hour limit', async () => {
			posthog.emulator.override = faults.always(faults.rateLimited({ seconds: 1800 }));

			const { error } = await posthog.run(run(BY_EVENT));

			expect(posthog.requests()).toHaveLength(1);
			expect(posthog.time.slept).toEqual([]);
			expect(error.httpCode).toBe('429');
			expect(error.message).toBe(
				'PostHog is rate-limiting this API key and asked to wait 1800 s, longer than Max Wait (300 s)',
			);
			expect(error.description).toContain(
				'PostHog allows 120 requests an hour per personal API key for this endpoint.',
			);
		});

		test('with Retry on Rate Limit off, the 429 says the query endpoint allows 120 requests an hour', async () => {
			posthog.emulator.override = faults.always(faults.rateLimited({ seconds: 60 }));

			const { error } = await posthog.run(run(BY_EVENT, { options: { retryOnRateLimit: false } }));

			expect(posthog.requests()).toHaveLength(1);
			expect(error.message).toBe('Request was throttled. Expected available in 60 seconds.');
			expect(error.description).toMatch(
				/^PostHog allows 120 requests an hour per personal API key for this endpoint\. /,
			);
		});

		test('a wait within Max Wait is waited out, then the same query is sent again', async () => {
			posthog.emulator.override = faults.first(1, faults.rateLimited({ seconds: 20 }));

			const { json, error } = await posthog.run(run(BY_EVENT));

			expect(error).toBeUndefined();
			posthog.expectReceived([
				{ method: 'POST', path: QUERY_PATH, body: hogQLBody(BY_EVENT) },
				{ method: 'POST', path: QUERY_PATH, body: hogQLBody(BY_EVENT) },
			]);
			expect(posthog.time.slept).toHaveLength(1);
			expect(posthog.time.slept[0]).toBeGreaterThanOrEqual(20_000);
			expect(json).toHaveLength(2);
		});
	});
});
