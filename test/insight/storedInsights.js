// Shared by the insight tests: the insights path and a way to store insights in the emulator.
const { SEED } = require('../helpers/posthog');

const INSIGHTS_PATH = '/api/projects/1/insights/';
const insightPath = (id) => `${INSIGHTS_PATH}${id}/`;

/** The insight query PostHog stores for a HogQL text (docs/posthog-api-part2.md §5.1). */
const sqlInsightQuery = (query) => ({
	kind: 'DataVisualizationNode',
	source: { kind: 'HogQLQuery', query },
});

/** Stores an insight the way PostHog holds it; returns the stored row. */
function storeInsight(
	state,
	{
		id,
		name,
		saved = true,
		query = sqlInsightQuery('SELECT event, count() FROM events GROUP BY event'),
		lastModifiedAt = '2025-01-01T00:00:00Z',
	},
) {
	const row = {
		project_id: SEED.projectIds.default,
		id,
		short_id: `sql${String(id).padStart(5, '0')}`,
		name,
		derived_name: null,
		description: '',
		tags: [],
		favorited: false,
		saved,
		deleted: false,
		order: null,
		dashboards: [],
		query,
		filters: {},
		created_at: lastModifiedAt,
		last_modified_at: lastModifiedAt,
		user_access_level: 'editor',
	};
	state.insights.push(row);
	return row;
}

module.exports = { INSIGHTS_PATH, insightPath, sqlInsightQuery, storeInsight };
