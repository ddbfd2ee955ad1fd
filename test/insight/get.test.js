// insight → get: `GET insights/{id}/`, `?refresh=blocking` with Options → Refresh; PostHog sends
// `result: null` when it has no cached results (docs/posthog-api-part2.md §5.1).
const { usePostHog, locator, SEED } = require('../helpers/posthog');
const { INSIGHTS_PATH, insightPath, storeInsight, sqlInsightQuery } = require('./storedInsights');
const { insight } = require('../helpers/operations');

const posthog = usePostHog();

const get = (insightId, options = {}) => insight.get({ insightId, options });
const BY_EVENT = 'SELECT event, count() AS total FROM events GROUP BY event ORDER BY total DESC';
const NOT_COMPUTED =
	'PostHog had no cached results for this insight, so it sent none (result is null, which does not mean the insight is empty). Use Get with Options → Refresh on to compute them.';

describe('insight get', () => {
	beforeEach(() => {
		posthog.time.nowMs += 3600e3;
		posthog.emulator.now = () => new Date('2025-01-21T06:00:00Z');
		storeInsight(posthog.emulator.state, {
			id: 300,
			name: 'Events by type',
			query: sqlInsightQuery(BY_EVENT),
		});
	});

	test('get without Refresh reads PostHog’s cache; a miss is output as result_computed false with a note, not as an empty insight', async () => {
		const { json, items, error } = await posthog.run(get(locator('id', 300)));

		expect(error).toBeUndefined();
		posthog.expectReceived([{ method: 'GET', path: insightPath(300) }]);
		expect(json).toHaveLength(1);
		expect(json[0]).toMatchObject({
			id: 300,
			name: 'Events by type',
			query: sqlInsightQuery(BY_EVENT),
			result: null,
		});
		expect(json[0].result_computed).toBe(false);
		expect(json[0].result_note).toBe(NOT_COMPUTED);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	test('get with Refresh sends refresh=blocking and outputs the computed results', async () => {
		const { json, error } = await posthog.run(get(locator('id', 300), { refresh: true }));

		expect(error).toBeUndefined();
		posthog.expectReceived([
			{ method: 'GET', path: insightPath(300), query: { refresh: 'blocking' } },
		]);
		expect(json[0]).toMatchObject({
			id: 300,
			result: [
				['$pageview', 5],
				['signed_up', 3],
			],
			columns: ['event', 'total'],
			result_computed: true,
		});
		expect(json[0]).not.toHaveProperty('result_note');
	});

	test('once computed, a get without Refresh finds the results in PostHog’s cache', async () => {
		await posthog.run(get(locator('id', 300), { refresh: true }));

		const { json } = await posthog.run(get(locator('id', 300)));

		expect(posthog.requests().map((request) => request.query)).toEqual([
			{ refresh: 'blocking' },
			{},
		]);
		expect(json[0]).toMatchObject({
			is_cached: true,
			result_computed: true,
			result: [
				['$pageview', 5],
				['signed_up', 3],
			],
		});
	});

	test('get (url mode) looks the short id up, then gets the insight by its numeric id', async () => {
		const url = `https://eu.posthog.com/project/1/insights/${SEED.insightShortIds.revenueByPlan}`;

		const { json, error } = await posthog.run(get(locator('url', url)));

		expect(error).toBeUndefined();
		posthog.expectReceived([
			{ method: 'GET', path: INSIGHTS_PATH, query: { short_id: 'pQ2rS4tU', basic: 'true' } },
			{ method: 'GET', path: insightPath(103) },
		]);
		expect(json[0]).toMatchObject({ id: 103, name: 'Revenue by plan', result_computed: false });
	});

	test('get of an unknown or deleted insight fails with PostHog’s 404', async () => {
		for (const id of [999, SEED.insightIds.oldRetention]) {
			const { error } = await posthog.run(get(locator('id', id)));
			expect(error.httpCode).toBe('404');
			expect(error.message).toBe('Not found.');
		}
	});

	test('get refuses an insight ID from an expression that is not a number before any request', async () => {
		const { error } = await posthog.run(get(locator('id', '={{ "abc" }}')));

		expect(error.message).toBe('Insight: "abc" is not a numeric insight ID');
		expect(posthog.requests()).toHaveLength(0);
	});
});
