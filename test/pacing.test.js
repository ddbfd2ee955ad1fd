// The pacer (transport/pacer.ts): every request of one API key waits for room in PostHog's
// throttle windows, in arrival order, and a 429 holds back the key's requests until the time
// PostHog gave. Behaviours only, on the fake clock: timings are measured by `npm run bench`.
const path = require('node:path');
const { usePostHog } = require('./helpers/posthog');
const faults = require('./emulator/faults');

const posthog = usePostHog();
const { group, properties } = require('./helpers/operations');
const pacer = require(
	path.join(__dirname, '..', 'dist', 'nodes', 'PostHog', 'transport', 'pacer.js'),
);

const find = group.find({ groupTypeIndex: 0, groupKey: 'acme' });
const items = (count) => Array.from({ length: count }, () => ({ json: {} }));
const request = { method: 'GET', url: '/api/projects/1/groups/find/' };
const refuse = (slot) => {
	throw new Error(`refused: ${slot.waitMs} ms`);
};
let keys = 0;
const newKey = () => pacer.pacingKey('http://posthog.test', `phx_pacer_${++keys}`);

/** `count` requests of `key`, one after another, each answered at once. */
async function sendAnswered(key, count, paced = request) {
	for (let n = 0; n < count; n++)
		(await pacer.waitForTurn(key, paced, Infinity, refuse)).answered();
}

async function elapsedDuring(work) {
	const start = posthog.time.now();
	await work();
	return posthog.time.now() - start;
}

describe('the pacer', () => {
	test('serves requests first come, first served', async () => {
		posthog.time.limits.throttles = [{ scope: 'test', limit: 1, periodSeconds: 10 }];
		const key = newKey();
		const served = [];

		await Promise.all(
			[0, 1, 2, 3, 4].map(async (n) => {
				await pacer.waitForTurn(key, request, Infinity, refuse);
				served.push(n);
			}),
		);

		expect(served).toEqual([0, 1, 2, 3, 4]);
		// One a window: four waits of a window (plus its margin) each.
		expect(posthog.time.slept).toHaveLength(4);
		for (const wait of posthog.time.slept) expect(wait).toBeGreaterThanOrEqual(10_000);
	});

	test('a request counts from its answer, so a slow request cannot arrive inside the next window', async () => {
		posthog.time.limits.throttles = [{ scope: 'test', limit: 1, periodSeconds: 10 }];
		const key = newKey();
		const first = await pacer.waitForTurn(key, request, Infinity, refuse);
		posthog.time.nowMs += 4_000; // the request takes 4 s to be answered
		first.answered();

		const waited = await elapsedDuring(() => pacer.waitForTurn(key, request, Infinity, refuse));

		expect(waited).toBeGreaterThanOrEqual(10_000);
		expect(waited).toBeLessThan(10_100);
	});

	test('a 429 holds back the key’s next request until the time PostHog gave', async () => {
		const key = newKey();
		await pacer.waitForTurn(key, request, Infinity, refuse);

		pacer.pause(key, request, 30_000);
		const waited = await elapsedDuring(() => pacer.waitForTurn(key, request, Infinity, refuse));

		expect(waited).toBe(30_000);
	});

	test('a pause holds back only requests of the same throttle class', async () => {
		const key = newKey();
		pacer.pause(key, { method: 'POST', url: '/api/projects/1/query/' }, 3_600_000);

		const waited = await elapsedDuring(() => pacer.waitForTurn(key, request, Infinity, refuse));

		expect(waited).toBe(0);
	});

	test('a turn further away than Max Wait is refused at once, and the queue goes on', async () => {
		const key = newKey();
		pacer.pause(key, request, 600_000);

		await expect(pacer.waitForTurn(key, request, 300_000, refuse)).rejects.toThrow(
			'refused: 600000 ms',
		);
		expect(posthog.time.slept).toEqual([]);
		await expect(pacer.waitForTurn(key, request, 900_000, refuse)).resolves.toEqual({
			answered: expect.any(Function),
			throttled: expect.any(Function),
		});
	});

	test('a 429 although there was room lowers the class to what its window admitted, then it climbs back', async () => {
		posthog.time.limits.throttles = [{ scope: 'test', limit: 40, periodSeconds: 60 }];
		const key = newKey();
		await sendAnswered(key, 30);
		const refused = await pacer.waitForTurn(key, request, Infinity, refuse);

		refused.throttled(20_000, 20_000);

		expect(pacer.pacedLimit(key, 'test', request)).toBe(30);
		posthog.time.nowMs += 20_000 + 60_000; // the pause, then a window: a fiftieth of the table more
		expect(pacer.pacedLimit(key, 'test', request)).toBe(31);
		posthog.time.nowMs += 9 * 60_000;
		expect(pacer.pacedLimit(key, 'test', request)).toBe(40);
	});

	test('one lesson lowers a limit at most to its half, however little the window admitted', async () => {
		posthog.time.limits.throttles = [{ scope: 'test', limit: 100, periodSeconds: 60 }];
		const key = newKey();
		await sendAnswered(key, 5);
		const inFlight = await Promise.all(
			[0, 1, 2].map(() => pacer.waitForTurn(key, request, Infinity, refuse)),
		);

		// three requests in flight together are refused: one lesson, not three halvings
		for (const turn of inFlight) turn.throttled(10_000, 10_000);

		expect(pacer.pacedLimit(key, 'test', request)).toBe(50);
	});

	test('what a window admitted counts for the part of it that no pause of PostHog’s held back', async () => {
		posthog.time.limits.throttles = [{ scope: 'test', limit: 100, periodSeconds: 60 }];
		const key = newKey();
		await sendAnswered(key, 20);
		pacer.pause(key, request, 20_000); // another request's 429
		posthog.time.nowMs += 30_000;
		await sendAnswered(key, 20);

		(await pacer.waitForTurn(key, request, Infinity, refuse)).throttled(1_000, 1_000);

		// 40 admitted in a window that a 20-second pause took a third of: 60 for the whole window
		expect(pacer.pacedLimit(key, 'test', request)).toBe(60);
	});

	test('a lesson never lowers a limit below half the table’s', async () => {
		posthog.time.limits.throttles = [{ scope: 'test', limit: 100, periodSeconds: 60 }];
		const key = newKey();
		(await pacer.waitForTurn(key, request, Infinity, refuse)).throttled(10_000, 10_000);
		posthog.time.nowMs += 70_000;

		(await pacer.waitForTurn(key, request, Infinity, refuse)).throttled(10_000, 10_000);

		expect(pacer.pacedLimit(key, 'test', request)).toBe(50);
	});

	test('a learned limit holds the next window to what PostHog admitted', async () => {
		posthog.time.limits.throttles = [{ scope: 'test', limit: 10, periodSeconds: 60 }];
		const key = newKey();
		await sendAnswered(key, 5);
		(await pacer.waitForTurn(key, request, Infinity, refuse)).throttled(0, undefined);
		expect(pacer.pacedLimit(key, 'test', request)).toBe(5);

		const waited = await elapsedDuring(async () => {
			await sendAnswered(key, 6);
		});

		// 5 admitted in the window: the sixth request waits for the window to pass
		expect(waited).toBeGreaterThanOrEqual(60_000);
	});

	test('a wait longer than every window of the class teaches nothing: the pause alone holds', async () => {
		posthog.time.limits.throttles = [{ scope: 'test', limit: 100, periodSeconds: 60 }];
		const key = newKey();
		await sendAnswered(key, 5);

		(await pacer.waitForTurn(key, request, Infinity, refuse)).throttled(3_600_000, 3_600_000);

		expect(pacer.pacedLimit(key, 'test', request)).toBe(100);
		const waited = await elapsedDuring(() => pacer.waitForTurn(key, request, Infinity, refuse));
		expect(waited).toBeGreaterThanOrEqual(3_600_000);
	});

	test('with Requests per Minute set, a 429 pauses but teaches nothing: the user’s rate wins', async () => {
		const key = newKey();
		const perMinute = { ...request, requestsPerMinute: 50 };
		await sendAnswered(key, 5, perMinute);

		(await pacer.waitForTurn(key, perMinute, Infinity, refuse)).throttled(1_000, 1_000);

		expect(pacer.pacedLimit(key, 'requestsPerMinute', perMinute)).toBe(50);
	});

	test('an insight’s sharing counts in PostHog’s default classes, not with the insights’', () => {
		const { throttlesFor } = require(
			path.join(__dirname, '..', 'dist', 'nodes', 'PostHog', 'transport', 'rateLimits.js'),
		);
		const scopesOf = (method, url, kind) =>
			throttlesFor(method, url, kind).map(({ scope }) => scope);

		expect(scopesOf('POST', '/api/projects/1/insights/101/sharing/refresh/')).toEqual([
			'burst',
			'sustained',
		]);
		expect(scopesOf('GET', '/api/projects/1/insights/101/sharing/')).toEqual([
			'burst',
			'sustained',
		]);
		expect(scopesOf('GET', '/api/projects/1/insights/101/')).toEqual([
			'clickhouse_burst',
			'clickhouse_sustained',
		]);
		// query/: HogQL in its own class, other kinds in the ClickHouse ones (part 3 §11)
		expect(scopesOf('POST', '/api/projects/1/query/', 'HogQLQuery')).toEqual(['query']);
		expect(scopesOf('POST', '/api/projects/1/query/', 'ErrorTrackingQuery')).toEqual([
			'clickhouse_burst',
			'clickhouse_sustained',
		]);
	});

	test('keys idle for hours are forgotten, so its memory stays bounded', async () => {
		for (let n = 0; n < 50; n++) await pacer.waitForTurn(newKey(), request, Infinity, refuse);
		expect(pacer.pacedKeyCount()).toBeGreaterThanOrEqual(50);

		posthog.time.install(); // a day later
		await pacer.waitForTurn(newKey(), request, Infinity, refuse);

		expect(pacer.pacedKeyCount()).toBe(1);
	});

	test('the key is the host and a hash of the API key, never the key itself', () => {
		const key = pacer.pacingKey('https://us.posthog.com', 'phx_secret_value');
		expect(key).toMatch(/^https:\/\/us\.posthog\.com\|[0-9a-f]{16}$/);
		expect(key).not.toContain('phx_secret_value');
	});
});

describe('pacing through the engine', () => {
	test('by default, requests within PostHog’s limits are not held back', async () => {
		const { error } = await posthog.run(find, { input: items(5) });

		expect(error).toBeUndefined();
		expect(posthog.requests()).toHaveLength(5);
		expect(posthog.time.slept).toEqual([]);
	});

	test('Options → Requests per Minute applies across the items of a run', async () => {
		const apiKey = 'phx_rate_option_key';
		posthog.emulator.state.keys[apiKey] = { scopes: null };

		let result;
		const elapsed = await elapsedDuring(async () => {
			result = await posthog.run(
				{ ...find, options: { requestsPerMinute: 2 } },
				{ input: items(5), credentials: posthog.credentials({ apiKey }) },
			);
		});

		expect(result.error).toBeUndefined();
		expect(result.json).toHaveLength(5);
		// 2, 2 and 1 requests: two full minutes of waiting, give or take the pacer's margin.
		expect(elapsed).toBeGreaterThanOrEqual(120_000);
		expect(elapsed).toBeLessThan(130_000);
	});

	test('the pacer is per API key: two keys do not slow each other down', async () => {
		const keysUsed = ['phx_pacing_key_a', 'phx_pacing_key_b'];
		for (const apiKey of keysUsed) posthog.emulator.state.keys[apiKey] = { scopes: null };
		const run = (apiKey) =>
			posthog.run(
				{ ...find, options: { requestsPerMinute: 1 } },
				{ input: items(3), credentials: posthog.credentials({ apiKey }) },
			);

		let results;
		const elapsed = await elapsedDuring(async () => {
			results = await Promise.all(keysUsed.map(run));
		});

		for (const { error } of results) expect(error).toBeUndefined();
		expect(posthog.requests()).toHaveLength(6);
		// Each key waits two minutes for its own third request; one shared key would wait five.
		expect(elapsed).toBeGreaterThanOrEqual(120_000);
		expect(elapsed).toBeLessThan(180_000);
	});

	test('a server that admits fewer requests than PostHog Cloud: the node learns that key’s limit instead of meeting it again', async () => {
		// One item setting 30 properties sends its requests one after another, so the fake clock
		// moves only when the node waits.
		posthog.time.limits.throttles = [{ scope: 'burst', limit: 20, periodSeconds: 60 }];
		const apiKey = 'phx_learning_key';
		posthog.emulator.state.keys[apiKey] = { scopes: null };
		posthog.emulator.override = faults.throttle({
			requests: 10,
			windowMs: 60_000,
			now: () => posthog.time.now(),
		});
		const values = Object.fromEntries(Array.from({ length: 30 }, (_, n) => [`p${n}`, `v${n}`]));

		const { error, json } = await posthog.run(
			group.updateProperty({ groupTypeIndex: 0, groupKey: 'acme', properties: properties(values) }),
			{ credentials: posthog.credentials({ apiKey }) },
		);

		expect(error).toBeUndefined();
		expect(json[0].group_properties).toEqual(expect.objectContaining(values));
		// Paced to the table alone, the 11th request of each window would meet a 429 (two here):
		// after the first, the node holds the key to the 10 a window PostHog admitted.
		const statuses = posthog.requests().map((request) => request.status);
		expect(statuses.filter((status) => status === 429)).toHaveLength(1);
		expect(statuses).toHaveLength(31);
		const key = pacer.pacingKey(posthog.emulator.url, apiKey);
		expect(pacer.pacedLimit(key, 'burst', request)).toBeLessThan(20);
		posthog.time.nowMs += 3600e3; // an hour without a 429: back to the table
		expect(pacer.pacedLimit(key, 'burst', request)).toBe(20);
	});

	test('with Retry on Rate Limit off, a request held back by a wait PostHog asked for fails at once', async () => {
		const apiKey = 'phx_no_retry_pause_key';
		posthog.emulator.state.keys[apiKey] = { scopes: null };
		posthog.emulator.override = faults.first(1, faults.rateLimited({ seconds: 30 }));
		const credentials = posthog.credentials({ apiKey });
		const noRetry = { ...find, options: { retryOnRateLimit: false } };
		const first = await posthog.run(noRetry, { credentials }); // PostHog asks to wait 30 s
		expect(first.error.httpCode).toBe('429');

		const { error } = await posthog.run(noRetry, { credentials });

		expect(posthog.requests()).toHaveLength(1); // the second run sent nothing
		expect(posthog.time.slept).toEqual([]);
		expect(error.message).toBe('PostHog is rate-limiting this API key and asked to wait 30 s more');
		expect(error.httpCode).toBe('429');
		expect(error.description).toMatch(/Turn on Retry on Rate Limit/);
	});

	test('a turn beyond Max Wait fails at once, naming the wait, and sends nothing', async () => {
		const apiKey = 'phx_max_wait_key';
		posthog.emulator.state.keys[apiKey] = { scopes: null };

		const { error } = await posthog.run(
			{ ...find, options: { requestsPerMinute: 1, maxWaitSeconds: 30 } },
			{ input: items(2), credentials: posthog.credentials({ apiKey }) },
		);

		expect(posthog.requests()).toHaveLength(1);
		expect(error.message).toMatch(
			/^PostHog’s rate limit for this API key leaves no room for 6\d s, longer than Max Wait \(30 s\)$/,
		);
		expect(error.httpCode).toBe('429');
	});
});
