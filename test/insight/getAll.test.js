// insight → getAll: `GET insights/?basic=true&saved=true&search&limit&offset` (docs/posthog-api-part2.md §5.1).
const { usePostHog } = require('../helpers/posthog');
const { INSIGHTS_PATH, storeInsight } = require('./storedInsights');
const { insight } = require('../helpers/operations');

const posthog = usePostHog();

const getAll = (extra = {}) => insight.getAll({ ...extra });
const list = (query) => ({
	method: 'GET',
	path: INSIGHTS_PATH,
	query: { basic: 'true', saved: 'true', ...query },
});

// The live insights of project 1, most recently modified first (104 is soft-deleted).
const SEEDED = [101, 102, 103, 105];

describe('insight getAll', () => {
	beforeEach(() => {
		posthog.time.nowMs += 3600e3; // insights are paced to 240 a minute per key
	});

	test('getAll asks for the light, saved insights with Limit in one request, and outputs one item per insight', async () => {
		const { json, items, error } = await posthog.run(getAll());

		expect(error).toBeUndefined();
		posthog.expectReceived([list({ limit: '50', offset: '0' })]);
		expect(json.map((insight) => insight.id)).toEqual(SEEDED);
		expect(json[2]).toMatchObject({
			id: 103,
			short_id: 'pQ2rS4tU',
			name: 'Revenue by plan',
			saved: true,
		});
		expect(json[2]).not.toHaveProperty('result');
		expect(items.map((item) => item.pairedItem)).toEqual(SEEDED.map(() => ({ item: 0 })));
	});

	test('getAll sends filters.search and outputs only the matching insights', async () => {
		const { json, error } = await posthog.run(getAll({ filters: { search: 'revenue' } }));

		expect(error).toBeUndefined();
		posthog.expectReceived([list({ search: 'revenue', limit: '50', offset: '0' })]);
		expect(json.map((insight) => insight.name)).toEqual(['Revenue by plan']);
	});

	test('getAll leaves out unsaved insights, as PostHog’s own list does', async () => {
		storeInsight(posthog.emulator.state, {
			id: 900,
			name: 'Scratch query',
			saved: false,
			lastModifiedAt: '2025-02-01T00:00:00Z',
		});

		const { json } = await posthog.run(getAll({ returnAll: true }));

		expect(json.map((insight) => insight.id)).toEqual(SEEDED);
	});

	test('getAll without the insight:read scope fails with PostHog’s 403 and a hint naming the scope', async () => {
		posthog.emulator.state.keys[posthog.emulator.apiKey] = {
			scopes: ['query:read'],
			scopedTeams: null,
		};

		const { error } = await posthog.run(getAll());

		expect(error.httpCode).toBe('403');
		expect(error.description).toContain('"insight:read"');
	});
});
