// insight → delete: `PATCH insights/{id}/` body `{deleted:true}`; PostHog answers DELETE with 405
// (docs/posthog-api-part2.md §5.1, §8).
const { usePostHog, locator, SEED } = require('../helpers/posthog');
const { insightPath } = require('./storedInsights');
const { insight } = require('../helpers/operations');

const posthog = usePostHog();

const REVENUE = SEED.insightIds.revenueByPlan; // 103
const remove = (insightId) => insight.delete({ insightId });
const stored = (id) => posthog.emulator.state.insights.find((insight) => insight.id === id);

describe('insight delete', () => {
	beforeEach(() => {
		posthog.time.nowMs += 3600e3;
	});

	test('delete soft-deletes with PATCH {deleted:true} (never DELETE) and outputs the insight with deleted: true', async () => {
		const { json, items, error } = await posthog.run(remove(locator('id', REVENUE)));

		expect(error).toBeUndefined();
		posthog.expectReceived([
			{ method: 'PATCH', path: insightPath(REVENUE), body: { deleted: true } },
		]);
		expect(json).toHaveLength(1);
		expect(json[0]).toMatchObject({ id: REVENUE, name: 'Revenue by plan', deleted: true });
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(stored(REVENUE).deleted).toBe(true);
	});

	test('a deleted insight is gone from Get and Get Many', async () => {
		await posthog.run(remove(locator('id', REVENUE)));

		const got = await posthog.run(insight.get({ insightId: locator('id', REVENUE) }));
		const listed = await posthog.run(insight.getAll({ returnAll: true }));

		expect(got.error.httpCode).toBe('404');
		expect(listed.json.map((insight) => insight.id)).not.toContain(REVENUE);
	});

	test('delete (url mode) resolves the short id, then patches the numeric id', async () => {
		const url = `https://us.posthog.com/project/1/insights/${SEED.insightShortIds.revenueByPlan}`;

		const { error } = await posthog.run(remove(locator('url', url)));

		expect(error).toBeUndefined();
		expect(posthog.requests().map((request) => `${request.method} ${request.path}`)).toEqual([
			'GET /api/projects/1/insights/',
			`PATCH ${insightPath(REVENUE)}`,
		]);
		expect(stored(REVENUE).deleted).toBe(true);
	});

	test('delete of an insight already deleted fails with PostHog’s 404', async () => {
		const { error } = await posthog.run(remove(locator('id', SEED.insightIds.oldRetention)));

		expect(error.httpCode).toBe('404');
		expect(error.message).toBe('Not found.');
	});
});
