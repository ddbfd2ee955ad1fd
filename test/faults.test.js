// Every fault in README's "Faults and what the node does" table, through n8n's engine against the
// emulator's switchable faults (test/emulator/faults.js).
const util = require('node:util');
const net = require('node:net');
const faults = require('./emulator/faults');
const { usePostHog, seedGroups } = require('./helpers/posthog');
const { group } = require('./helpers/operations');

const posthog = usePostHog();

// Every run of this suite is kept, and after each test all of it is searched for the API key.
const runs = [];
const run = posthog.run;
posthog.run = async (...args) => {
	const result = await run(...args);
	runs.push(result);
	return result;
};
afterEach(() => {
	for (const result of runs.splice(0)) expectNoKey(result);
});

const find = group.find({ groupTypeIndex: 0, groupKey: 'acme' });
const update = (value = 'pro') =>
	group.updateProperty({
		groupTypeIndex: 0,
		groupKey: 'acme',
		properties: { property: [{ key: 'plan', value }] },
	});
const isFind = (record) => record.path.endsWith('/groups/find/');
const isUpdate = (record) => record.path.endsWith('/groups/update_property/');

/** The API key appears nowhere in what the run produced, errors included (with hidden fields). */
function expectNoKey(result) {
	const everything = util.inspect(result, { depth: 20, showHidden: true, getters: true });
	expect(everything).not.toContain(posthog.emulator.apiKey);
	expect(JSON.stringify(result.items)).not.toContain(posthog.emulator.apiKey);
}

async function closedPort() {
	const server = net.createServer();
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address();
	await new Promise((resolve) => server.close(resolve));
	return port;
}

describe('rate limits (429)', () => {
	test('a 429 with Retry-After waits as long as PostHog asks, then succeeds', async () => {
		posthog.emulator.override = faults.first(2, faults.rateLimited({ seconds: 1 }));

		const result = await posthog.run(find);

		expect(result.error).toBeUndefined();
		expect(result.json).toEqual([expect.objectContaining({ group_key: 'acme' })]);
		expect(posthog.requests().map((r) => r.status)).toEqual([429, 429, 200]);
		expect(posthog.time.slept).toHaveLength(2);
		for (const wait of posthog.time.slept) expect(wait).toBeGreaterThanOrEqual(1000);
		expectNoKey(result);
	});

	test('a 429 without Retry-After waits for the "Expected available in N seconds" of the body', async () => {
		posthog.emulator.override = faults.first(
			1,
			faults.rateLimited({ seconds: 1, retryAfterHeader: false }),
		);

		const result = await posthog.run(find);

		expect(result.error).toBeUndefined();
		expect(posthog.requests().map((r) => r.status)).toEqual([429, 200]);
		expect(posthog.time.slept).toHaveLength(1);
		expect(posthog.time.slept[0]).toBeGreaterThanOrEqual(1000);
	});

	test('a 429 with no hint at all backs off and retries', async () => {
		posthog.emulator.override = faults.first(2, faults.rateLimitedWithoutHint());

		const result = await posthog.run(find);

		expect(result.error).toBeUndefined();
		expect(posthog.requests().map((r) => r.status)).toEqual([429, 429, 200]);
		const [first, second] = posthog.time.slept;
		expect(first).toBeGreaterThanOrEqual(500);
		expect(first).toBeLessThan(1000);
		expect(second).toBeGreaterThanOrEqual(1000);
		expect(second).toBeLessThan(2000);
	});

	test('a write (POST) is retried after a 429, since PostHog did not apply it, and applied once', async () => {
		posthog.emulator.override = faults.first(1, faults.rateLimited({ seconds: 1 }), isUpdate);

		const result = await posthog.run(update('enterprise'));

		expect(result.error).toBeUndefined();
		expect(posthog.requests().map((r) => r.status)).toEqual([429, 200]);
		expect(result.json[0].group_properties.plan).toBe('enterprise');
	});

	test('Max Attempts bounds the retries, and the error says how long PostHog asked to wait', async () => {
		posthog.emulator.override = faults.always(faults.rateLimited({ seconds: 1 }));

		const result = await posthog.run({ ...find, options: { maxAttempts: 2 } });

		expect(posthog.requests()).toHaveLength(2);
		expect(result.error.message).toBe(
			'PostHog is still rate-limiting this API key after 2 attempts. PostHog asked to wait 1 s.',
		);
		expect(result.error.httpCode).toBe('429');
		expect(result.error.description).toMatch(/480 requests a minute/);
		expectNoKey(result);
	});

	test('a wait longer than Max Wait fails at once and names the wait PostHog asked for', async () => {
		posthog.emulator.override = faults.always(faults.rateLimited({ seconds: 3600 }));

		const result = await posthog.run(find);

		expect(posthog.requests()).toHaveLength(1);
		expect(result.error.message).toBe(
			'PostHog is rate-limiting this API key and asked to wait 3600 s, longer than Max Wait (300 s)',
		);
	});

	test('with Retry on Rate Limit off, a 429 fails at once with PostHog’s message and a hint', async () => {
		posthog.emulator.override = faults.always(faults.rateLimited({ seconds: 1 }));

		const result = await posthog.run({ ...find, options: { retryOnRateLimit: false } });

		expect(posthog.requests()).toHaveLength(1);
		expect(result.error.message).toBe('Request was throttled. Expected available in 1 seconds.');
		expect(result.error.description).toMatch(/Retry on Rate Limit/);
	});

	test('1,000 updates against a key throttled at 480 per (scaled) minute: 1,000 correct outputs, no write twice, few 429s', async () => {
		const groups = seedGroups(posthog.emulator.state, {
			groupTypeIndex: 0,
			count: 1000,
			prefix: 'bulk',
		});
		// On real time: 1,000 requests in flight at once must meet the throttle as they really
		// arrive, which a fake clock moved ahead by one waiting request would not let happen.
		// PostHog's 480 a minute, with the minute scaled down to five seconds for the emulator's
		// throttle and the node's pacer alike, and a key of its own, so no earlier test's pacing
		// applies.
		posthog.time.restore();
		posthog.time.limits.throttles = [{ scope: 'burst', limit: 480, periodSeconds: 5 }];
		const apiKey = 'phx_bulk_throttle_test_key';
		posthog.emulator.state.keys[apiKey] = { scopes: null };
		posthog.emulator.override = faults.throttle({ requests: 480, windowMs: 5000 });
		const input = groups.map((group, index) => ({ json: { key: group.group_key, seats: index } }));

		const result = await posthog.run(
			group.updateProperty({
				groupTypeIndex: 0,
				groupKey: '={{ $json.key }}',
				properties: { property: [{ key: 'seats', value: '={{ $json.seats }}' }] },
			}),
			{ input, credentials: posthog.credentials({ apiKey }) },
		);

		expect(result.error).toBeUndefined();
		expect(result.json).toHaveLength(1000);
		result.items.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json.group_key).toBe(`bulk-${index}`);
			expect(item.json.group_properties.seats).toBe(index);
		});
		const applied = posthog.requests().filter((r) => isUpdate(r) && r.status === 200);
		expect(applied).toHaveLength(1000);
		expect(new Set(applied.map((r) => r.query.group_key)).size).toBe(1000);
		// Without pacing, 520 of the first 1,000 requests are throttled.
		expect(posthog.requests().filter((r) => r.status === 429).length).toBeLessThan(100);
		for (const [index, group] of groups.entries()) expect(group.group_properties.seats).toBe(index);
	}, 60_000);
});

describe('server errors and the network', () => {
	test('a 503 on a read is retried, then succeeds', async () => {
		posthog.emulator.override = faults.first(2, faults.serverError(503));

		const result = await posthog.run(find);

		expect(result.error).toBeUndefined();
		expect(posthog.requests().map((r) => r.status)).toEqual([503, 503, 200]);
	});

	test.each([500, 502, 504])('a %i on a read is retried', async (status) => {
		posthog.emulator.override = faults.first(1, faults.serverError(status));

		const result = await posthog.run(find);

		expect(result.error).toBeUndefined();
		expect(posthog.requests().map((r) => r.status)).toEqual([status, 200]);
	});

	test('a read that keeps failing stops after Max Attempts with PostHog’s message', async () => {
		posthog.emulator.override = faults.always(faults.serverError(500));

		const result = await posthog.run({ ...find, options: { maxAttempts: 3 } });

		expect(posthog.requests()).toHaveLength(3);
		expect(result.error.message).toBe('A server error occurred.');
		expect(result.error.httpCode).toBe('500');
		expectNoKey(result);
	});

	test('a 500 on a write (POST) is not retried, since PostHog may have applied it', async () => {
		posthog.emulator.override = faults.first(1, faults.serverError(500), isUpdate);

		const result = await posthog.run(update());

		expect(posthog.requests().map((r) => r.status)).toEqual([500]);
		expect(result.error.httpCode).toBe('500');
	});

	test('a slow answer past the timeout fails with a clear message that names the host', async () => {
		posthog.emulator.override = faults.always(faults.slow(2000));

		const result = await posthog.run({ ...find, requestOptions: { timeout: 300 } });

		expect(result.error.message).toBe(
			`PostHog at ${posthog.emulator.url} did not answer within the timeout (Settings → Request Options → Timeout)`,
		);
		expectNoKey(result);
	});

	test('a dropped connection on a read is retried, then succeeds', async () => {
		posthog.emulator.override = faults.first(1, faults.dropConnection());

		const result = await posthog.run(find);

		expect(result.error).toBeUndefined();
		expect(posthog.requests().map((r) => r.status)).toEqual(['dropped', 200]);
	});

	test('a dropped connection on a write is not retried, and the error names the host', async () => {
		posthog.emulator.override = faults.first(1, faults.dropConnection(), isUpdate);

		const result = await posthog.run(update());

		expect(posthog.requests().map((r) => r.status)).toEqual(['dropped']);
		expect(result.error.message).toBe(
			`PostHog at ${posthog.emulator.url} closed the connection before answering`,
		);
		expect(result.error.description).toMatch(/Region.*Host/);
		expectNoKey(result);
	});

	test('a refused connection names the host and suggests checking the region', async () => {
		const host = `http://127.0.0.1:${await closedPort()}`;

		const result = await posthog.run(find, { credentials: posthog.credentials({ host }) });

		expect(result.error.message).toBe(`PostHog at ${host} refused the connection`);
		expect(result.error.description).toMatch(/Region/);
		expectNoKey(result);
	});

	test('an unknown host is named in the error', async () => {
		const host = 'http://posthog.no-such-host.invalid';

		const result = await posthog.run(find, { credentials: posthog.credentials({ host }) });

		expect(result.error.message).toBe(`PostHog at ${host} is not a known host name`);
		expectNoKey(result);
	});

	test('an HTML error page on a write shows the status and an excerpt', async () => {
		posthog.emulator.override = faults.first(1, faults.htmlPage(502), isUpdate);

		const result = await posthog.run(update());

		expect(posthog.requests()).toHaveLength(1);
		expect(result.error.httpCode).toBe('502');
		expect(result.error.message).toMatch(
			/^PostHog answered 502 with a body that is not JSON: <html>.*502 Bad Gateway/,
		);
	});

	test('truncated JSON in a 200 answer is an error with an excerpt, not a crash or a half item', async () => {
		posthog.emulator.override = faults.first(1, faults.truncatedJson(200), isFind);

		const result = await posthog.run(find);

		expect(result.json).toEqual([]);
		expect(result.error.message).toMatch(
			/^PostHog answered 200 with a body that is not JSON: \{"group_type_index": 0/,
		);
	});
});

describe('Continue On Fail with faults', () => {
	test('N items in give N items out, in order, each error paired to its item, the others untouched', async () => {
		posthog.emulator.override = faults.first(
			1,
			faults.serverError(500),
			(r) => isUpdate(r) && r.query.group_key === 'initech',
		);

		const result = await posthog.run(
			{ ...update('={{ $json.plan }}'), groupKey: '={{ $json.key }}' },
			{
				continueOnFail: true,
				input: [
					{ json: { key: 'acme', plan: 'pro' } },
					{ json: { key: 'initech', plan: 'pro' } },
					{ json: { key: 'acme', plan: 'enterprise' } },
					{ json: { key: 'no-such-group', plan: 'pro' } },
				],
			},
		);

		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		expect(result.json[0].group_key).toBe('acme');
		expect(result.json[1].error).toBe('A server error occurred.');
		expect(result.json[2].group_properties.plan).toBe('enterprise');
		expect(result.json[3].error).toBe('Not found.');
		expect(posthog.requests().filter((r) => r.status === 200)).toHaveLength(2);
		expectNoKey(result);
	});
});

describe('pagination safety', () => {
	test('a list that never ends stops at the page cap with a clear error', async () => {
		posthog.time.limits.maxPages = 50;
		let page = 0;
		// Every page brings one new group and a new cursor, forever.
		posthog.emulator.override = (_req, record) => {
			if (!record.path.endsWith('/groups/')) return undefined;
			page += 1;
			return {
				status: 200,
				body: {
					next: `${posthog.emulator.url}/api/projects/1/groups/?group_type_index=0&cursor=c${page}`,
					previous: null,
					results: [
						{
							group_type_index: 0,
							group_key: `endless-${page}`,
							group_properties: {},
							created_at: null,
						},
					],
				},
			};
		};

		const result = await posthog.run(group.getAll({ groupTypeIndex: 0, returnAll: true }));

		expect(page).toBe(50);
		expect(result.error.message).toBe(
			'PostHog kept returning more pages after 50; stopped to avoid an endless loop',
		);
	});
});

describe('very long lists', () => {
	// Pages of 1,000 groups (PostHog pages by 100; bigger pages keep this test quick).
	function groupPages(total) {
		return (_req, record) => {
			if (!record.path.endsWith('/groups/')) return undefined;
			posthog.emulator.requests.length = 0;
			const start = Number(record.query.cursor ?? 0);
			const end = Math.min(start + 1000, total);
			const results = [];
			for (let i = start; i < end; i++) {
				results.push({
					group_type_index: 0,
					group_key: `g-${i}`,
					group_properties: {},
					created_at: null,
				});
			}
			const next =
				end < total
					? `${posthog.emulator.url}/api/projects/1/groups/?group_type_index=0&cursor=${end}`
					: null;
			return { status: 200, body: { next, previous: null, results } };
		};
	}
	const getAll = group.getAll({ groupTypeIndex: 0, returnAll: true });

	test('Return All outputs 110,000 groups from one input item', async () => {
		posthog.emulator.override = groupPages(110_000);

		const result = await posthog.run(getAll);

		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(110_000);
		expect(result.items[109_999].json.group_key).toBe('g-109999');
	}, 120_000);

	test('Return All past the output cap stops with a clear error instead of overflowing n8n’s call stack', async () => {
		posthog.time.limits.maxOutputItems = 11_000;
		posthog.emulator.override = groupPages(25_000);

		const result = await posthog.run(getAll);

		expect(result.error.message).toBe(
			'Return All stopped at 11,000 results: n8n cannot output more from one input item',
		);
		expect(result.error.description).toMatch(/Limit/);
	});
});

describe('an error that stops the run', () => {
	test('says how many other items PostHog had already applied, since a rerun applies them again', async () => {
		// The last write fails only once PostHog has answered the three others (and the node has
		// had time to take their answers in).
		posthog.emulator.override = async (_req, record) => {
			if (!isUpdate(record) || record.query.group_key !== 'globex') return undefined;
			const answered = () =>
				posthog.requests().filter((r) => isUpdate(r) && r.status === 200).length;
			for (let waited = 0; answered() < 3 && waited < 5000; waited += 10) {
				await new Promise((resolve) => setTimeout(resolve, 10));
			}
			await new Promise((resolve) => setTimeout(resolve, 500));
			return faults.serverError(500)();
		};

		const result = await posthog.run(
			{ ...update('={{ $json.plan }}'), groupKey: '={{ $json.key }}' },
			{
				input: ['acme', 'initech', 'hooli', 'globex'].map((key) => ({
					json: { key, plan: 'pro' },
				})),
			},
		);

		expect(result.error.message).toBe('A server error occurred.');
		expect(result.error.description).toMatch(
			/[123] other items? of this run had already been applied by PostHog when this failed: running it again applies them again\.$/,
		);
	});

	test('with Continue On Fail, each item reports only its own error', async () => {
		posthog.emulator.override = faults.first(
			1,
			faults.serverError(500),
			(r) => isUpdate(r) && r.query.group_key === 'initech',
		);

		const result = await posthog.run(
			{ ...update('={{ $json.plan }}'), groupKey: '={{ $json.key }}' },
			{
				continueOnFail: true,
				input: ['acme', 'initech'].map((key) => ({ json: { key, plan: 'pro' } })),
			},
		);

		expect(result.json[1].error).toBe('A server error occurred.');
		expect(JSON.stringify(result.json)).not.toMatch(/already been applied/);
	});
});
