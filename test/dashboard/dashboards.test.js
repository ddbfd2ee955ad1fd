// dashboard: list, get, and the results of its insights (run_insights/, or the cached results of
// its tiles on a server without it). docs/posthog-api-part3.md §5.
// Return All / Limit of the list: test/lists.test.js.
const { usePostHog, locator, SEED } = require('../helpers/posthog');
const { dashboard } = require('../helpers/operations');
const { storeInsight } = require('../insight/storedInsights');

const posthog = usePostHog();

const BASE = '/api/projects/1/dashboards/';
const { growth, weeklyReport } = SEED.dashboardIds;
const { signupFunnel, weeklyActiveUsers } = SEED.insightIds;

/**
 * A HogQL insight on the Weekly report dashboard (the emulator computes only those: `alone`
 * takes the dashboard's trends tile off).
 */
function addSqlTile({ alone = false } = {}) {
	storeInsight(posthog.emulator.state, {
		id: 900,
		name: 'Events by name',
		query: {
			kind: 'DataVisualizationNode',
			source: { kind: 'HogQLQuery', query: 'SELECT event, count() FROM events GROUP BY event' },
		},
	});
	const report = posthog.emulator.state.dashboards.find((d) => d.id === weeklyReport);
	if (alone) report.tiles = [];
	report.tiles.push({
		id: 82,
		insightId: 900,
		layouts: { sm: { x: 0, y: 5, w: 6, h: 5 }, xs: { x: 0, y: 5, w: 1, h: 5 } },
	});
}

describe('dashboard getAll and get', () => {
	test('lists live dashboards, pinned first; Search is sent as PostHog’s search', async () => {
		const all = await posthog.run(dashboard.getAll({ returnAll: true }));
		const found = await posthog.run(
			dashboard.getAll({ returnAll: true, filters: { search: 'weekly' } }),
		);

		expect(all.json.map((d) => d.name)).toEqual(['Growth', 'Weekly report']);
		expect(found.json.map((d) => d.id)).toEqual([weeklyReport]);
		expect(posthog.requests()[1].query).toEqual({ search: 'weekly', limit: '100', offset: '0' });
	});

	test('Get by URL reads …/dashboard/ID, with its tiles', async () => {
		const { json, error } = await posthog.run(
			dashboard.get({
				dashboardId: locator('url', `https://us.posthog.com/project/1/dashboard/${growth}`),
			}),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([{ method: 'GET', path: `${BASE}${growth}/` }]);
		expect(json[0].tiles).toHaveLength(3);
	});

	test('a URL of another kind is refused before any request', async () => {
		const { error } = await posthog.run(
			dashboard.get({
				dashboardId: locator('url', 'https://us.posthog.com/project/1/insights/aB3dE5fG'),
			}),
		);

		expect(error.message).toBe(
			'Dashboard: not a PostHog dashboard URL (…/project/ID/dashboard/DASHBOARD_ID)',
		);
		expect(posthog.requests()).toEqual([]);
	});

	test('the From List search links each dashboard', async () => {
		const { results } = await posthog.callMethod('listSearch', 'searchDashboards', {}, ['']);

		expect(results.map((r) => [r.name, r.value])).toEqual([
			['Growth', String(growth)],
			['Weekly report', String(weeklyReport)],
		]);
		expect(results[0].url).toMatch(/\/project\/1\/dashboard\/7$/);
	});
});

describe('dashboard runInsights', () => {
	test('one item per insight tile in the dashboard’s order, text tiles left out; cached results by default', async () => {
		const { json, error } = await posthog.run(
			dashboard.runInsights({ dashboardId: locator('id', growth) }),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			{
				method: 'GET',
				path: `${BASE}${growth}/run_insights/`,
				query: { output_format: 'json', refresh: 'force_cache' },
			},
		]);
		expect(json.map((item) => [item.order, item.tileId, item.insight.id])).toEqual([
			[0, 72, signupFunnel],
			[1, 71, weeklyActiveUsers],
		]);
		expect(json[0]).toEqual({
			dashboardId: growth,
			tileId: 72,
			order: 0,
			insight: { id: signupFunnel, short_id: 'aB3dE5fG', name: 'Signup funnel' },
			result: null, // nothing cached yet
		});
	});

	test('Refresh computes fresh results (refresh=blocking)', async () => {
		addSqlTile({ alone: true });

		const { json, error } = await posthog.run(
			dashboard.runInsights({
				dashboardId: locator('id', weeklyReport),
				options: { refresh: true },
			}),
		);

		expect(error).toBeUndefined();
		expect(posthog.requests()[0].query).toEqual({ output_format: 'json', refresh: 'blocking' });
		expect(json).toHaveLength(1);
		expect(json[0].result).toEqual(expect.arrayContaining([['$pageview', 5]]));
	});

	test('on a server without run_insights/ (404), the dashboard’s tiles with their cached results, saying so', async () => {
		posthog.emulator.state.dashboardRunInsights = false;
		addSqlTile();

		const { json, error } = await posthog.run(
			dashboard.runInsights({ dashboardId: locator('id', weeklyReport) }),
		);

		expect(error).toBeUndefined();
		expect(posthog.requests().map((r) => `${r.status} ${r.path}`)).toEqual([
			`404 ${BASE}${weeklyReport}/run_insights/`,
			`200 ${BASE}${weeklyReport}/`,
		]);
		expect(json.map((item) => item.insight.id)).toEqual([SEED.insightIds.pageviewCount, 900]);
		expect(json.every((item) => item.cached === true && /cached/.test(item.note))).toBe(true);
	});

	test('without run_insights/ the tiles come in its order too: by layout, numbered among all tiles', async () => {
		// a heading text tile on top, and the insight tiles stored out of their layout order
		const { tiles } = posthog.emulator.state.dashboards.find((d) => d.id === growth);
		const sm = (id) => tiles.find((tile) => tile.id === id).layouts.sm;
		Object.assign(sm(73), { x: 0, y: 0, w: 12, h: 1 });
		Object.assign(sm(72), { y: 1 });
		Object.assign(sm(71), { y: 1 });
		const orders = ({ json }) => json.map((item) => [item.order, item.tileId]);

		const fresh = await posthog.run(dashboard.runInsights({ dashboardId: locator('id', growth) }));
		posthog.emulator.state.dashboardRunInsights = false;
		const cached = await posthog.run(dashboard.runInsights({ dashboardId: locator('id', growth) }));

		expect(orders(fresh)).toEqual([
			[1, 72],
			[2, 71],
		]);
		expect(cached.json.every((item) => item.cached)).toBe(true);
		expect(orders(cached)).toEqual(orders(fresh));
	});

	test('an unknown dashboard is PostHog’s 404 on both routes, as an error of the item', async () => {
		const { error } = await posthog.run(dashboard.runInsights({ dashboardId: locator('id', 404) }));

		expect(error.httpCode).toBe('404');
	});
});
