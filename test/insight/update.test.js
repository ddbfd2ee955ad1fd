// insight → update: `PATCH insights/{id}/` with only the fields given, `hogQl` wrapped as on
// create (docs/posthog-api-part2.md §5.1).
const { usePostHog, locator, SEED } = require('../helpers/posthog');
const { INSIGHTS_PATH, insightPath, sqlInsightQuery } = require('./storedInsights');
const { insight } = require('../helpers/operations');

const posthog = usePostHog();

const REVENUE = SEED.insightIds.revenueByPlan; // 103
const HOGQL =
	"SELECT properties.plan, count() FROM events WHERE event = 'signed_up' GROUP BY properties.plan";
const update = (updateFields, insightId = locator('id', REVENUE)) =>
	insight.update({ insightId, updateFields });
const stored = (id) => posthog.emulator.state.insights.find((insight) => insight.id === id);

describe('insight update', () => {
	beforeEach(() => {
		posthog.time.nowMs += 3600e3;
		posthog.emulator.now = () => new Date('2025-03-01T09:30:00Z');
	});

	test('update with only a name sends only the name, and PostHog keeps the rest', async () => {
		const before = { ...stored(REVENUE) };

		const { json, items, error } = await posthog.run(update({ name: 'Revenue per plan' }));

		expect(error).toBeUndefined();
		posthog.expectReceived([
			{ method: 'PATCH', path: insightPath(REVENUE), body: { name: 'Revenue per plan' } },
		]);
		expect(json[0]).toMatchObject({
			id: REVENUE,
			name: 'Revenue per plan',
			description: 'MRR split by billing plan',
		});
		expect(stored(REVENUE)).toMatchObject({
			name: 'Revenue per plan',
			description: before.description,
			query: before.query,
			tags: before.tags,
		});
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	test('update with HogQL sends the query wrapped as a SQL insight, and nothing else', async () => {
		const { json, error } = await posthog.run(update({ hogQl: HOGQL }));

		expect(error).toBeUndefined();
		posthog.expectReceived([
			{ method: 'PATCH', path: insightPath(REVENUE), body: { query: sqlInsightQuery(HOGQL) } },
		]);
		expect(json[0]).toMatchObject({
			name: 'Revenue by plan',
			query: sqlInsightQuery(HOGQL),
			result: null,
			result_computed: false,
		});
		expect(stored(REVENUE).query).toEqual(sqlInsightQuery(HOGQL));
	});

	test('update with every field sends all three; an empty description clears it', async () => {
		const { error } = await posthog.run(update({ name: 'Plans', description: '', hogQl: HOGQL }));

		expect(error).toBeUndefined();
		posthog.expectReceived([
			{
				method: 'PATCH',
				path: insightPath(REVENUE),
				body: { name: 'Plans', description: '', query: sqlInsightQuery(HOGQL) },
			},
		]);
		expect(stored(REVENUE)).toMatchObject({
			name: 'Plans',
			description: '',
			query: sqlInsightQuery(HOGQL),
		});
	});

	test('update with no field refuses before any request', async () => {
		const { error } = await posthog.run(update({}));

		expect(error.message).toBe('Update Fields: add at least one field to change');
		expect(posthog.requests()).toHaveLength(0);
	});

	test('update with a blank HogQL refuses before any request', async () => {
		const { error } = await posthog.run(update({ name: 'Plans', hogQl: ' ' }));

		expect(error.message).toBe('HogQL: must not be empty');
		expect(posthog.requests()).toHaveLength(0);
	});

	test('update (url mode) looks the short id up, then patches the numeric id', async () => {
		const url = `https://us.posthog.com/project/1/insights/${SEED.insightShortIds.revenueByPlan}`;

		const { error } = await posthog.run(update({ name: 'Plans' }, locator('url', url)));

		expect(error).toBeUndefined();
		posthog.expectReceived([
			{ method: 'GET', path: INSIGHTS_PATH, query: { short_id: 'pQ2rS4tU', basic: 'true' } },
			{ method: 'PATCH', path: insightPath(REVENUE), body: { name: 'Plans' } },
		]);
	});

	test('update of an unknown insight fails with PostHog’s 404', async () => {
		const { error } = await posthog.run(update({ name: 'Plans' }, locator('id', 999)));

		expect(error.httpCode).toBe('404');
		expect(posthog.requests()).toHaveLength(1);
	});
});
