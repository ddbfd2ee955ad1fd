// insight → create: `POST insights/` body `{name, saved:true, query:{kind:"DataVisualizationNode",
// source:{kind:"HogQLQuery", query}}}` (docs/posthog-api-part2.md §5.1, §8).
const { usePostHog } = require('../helpers/posthog');
const { INSIGHTS_PATH, sqlInsightQuery } = require('./storedInsights');
const { insight } = require('../helpers/operations');

const posthog = usePostHog();

const HOGQL =
	"SELECT toDate(timestamp) AS day, count() FROM events WHERE event = 'signed_up' GROUP BY day";
const create = (name, hogQl) => insight.create({ name, hogQl });
const NEXT_ID = 202; // the seed's highest insight id is 201

describe('insight create', () => {
	beforeEach(() => {
		posthog.time.nowMs += 3600e3;
		posthog.emulator.now = () => new Date('2025-03-01T09:30:00Z');
	});

	test('create POSTs the name, saved:true and the HogQL wrapped as a SQL insight, and outputs PostHog’s insight', async () => {
		const { json, items, error } = await posthog.run(create('Daily signups', HOGQL));

		expect(error).toBeUndefined();
		posthog.expectReceived([
			{
				method: 'POST',
				path: INSIGHTS_PATH,
				body: { name: 'Daily signups', saved: true, query: sqlInsightQuery(HOGQL) },
			},
		]);
		expect(json).toHaveLength(1);
		expect(json[0]).toMatchObject({
			id: NEXT_ID,
			name: 'Daily signups',
			saved: true,
			deleted: false,
			query: sqlInsightQuery(HOGQL),
			created_at: '2025-03-01T09:30:00Z',
			result: null,
			result_computed: false,
		});
		expect(json[0].short_id).toMatch(/^[A-Za-z0-9]{8}$/);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	test('the new insight is saved, so it is in Get Many, and its results can be computed', async () => {
		await posthog.run(create('Daily signups', HOGQL));

		const listed = await posthog.run(insight.getAll({ filters: { search: 'daily' } }));
		const fetched = await posthog.run(
			insight.get({
				insightId: { __rl: true, mode: 'id', value: String(NEXT_ID) },
				options: { refresh: true },
			}),
		);

		expect(listed.json.map((insight) => insight.id)).toEqual([NEXT_ID]);
		expect(fetched.json[0].result).toEqual([
			['2025-01-15', 1],
			['2025-01-16', 1],
			['2025-01-18', 1],
		]);
	});

	test('create with 2 input items creates 2 insights, each paired to its item', async () => {
		const { json, items, error } = await posthog.run(create('={{ $json.name }}', HOGQL), {
			input: [{ json: { name: 'First' } }, { json: { name: 'Second' } }],
		});

		expect(error).toBeUndefined();
		expect(
			posthog
				.requests()
				.map((request) => request.body.name)
				.sort(),
		).toEqual(['First', 'Second']);
		expect(json.map((insight) => insight.name)).toEqual(['First', 'Second']);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(posthog.emulator.state.insights.filter((insight) => insight.id >= NEXT_ID)).toHaveLength(
			2,
		);
	});

	test.each([
		['', HOGQL, 'The \'PostHog Management\' node has issues:\n- Parameter "Name" is required.'],
		['={{ "  " }}', HOGQL, 'Name: must not be empty'],
		['Daily signups', '  ', 'HogQL: must not be empty'],
	])(
		'create refuses a blank name or query before any request (%j, %j)',
		async (name, hogQl, message) => {
			const { error } = await posthog.run(create(name, hogQl));

			expect(error.message).toBe(message);
			expect(posthog.requests()).toHaveLength(0);
		},
	);

	test('create without the insight:write scope fails with PostHog’s 403 and creates nothing', async () => {
		posthog.emulator.state.keys[posthog.emulator.apiKey] = {
			scopes: ['insight:read'],
			scopedTeams: null,
		};

		const { error } = await posthog.run(create('Daily signups', HOGQL));

		expect(error.httpCode).toBe('403');
		expect(error.description).toContain('"insight:write"');
		expect(posthog.requests()).toHaveLength(1);
		expect(posthog.emulator.state.insights.some((insight) => insight.id === NEXT_ID)).toBe(false);
	});
});
