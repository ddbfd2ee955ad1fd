import type { IDataObject, INodeProperties } from 'n8n-workflow';

/** Most rows one HogQL query returns, with a LIMIT (docs/posthog-api-part2.md §5.2). */
export const MAX_HOGQL_ROWS = 50_000;

/** A query that runs on any project: the Query editor starts with it (n8n's SQL editor shows no placeholder). */
export const EXAMPLE_HOGQL = [
	'SELECT event, count() AS total',
	'FROM events',
	'WHERE timestamp > now() - INTERVAL 7 DAY',
	'GROUP BY event',
	'ORDER BY total DESC',
	'LIMIT 20',
].join('\n');

/** The example on one line, for descriptions. */
export const EXAMPLE_HOGQL_INLINE = EXAMPLE_HOGQL.replace(/\n/g, ' ');

// Also read by AI agents when the node is a tool: it says what HogQL is and what it can query.
const HOGQL_DESCRIPTION = `HogQL, PostHog’s SQL dialect over ClickHouse. Tables: events (event, timestamp, distinct_id, person_id, properties.NAME), persons (id, created_at, properties.NAME), groups (index, key, created_at, properties.NAME) and sessions (session_id, $start_timestamp, $session_duration). Example: ${EXAMPLE_HOGQL_INLINE}`;

/** A HogQL text field, edited in n8n's SQL editor. */
export function hogQlField(
	field: Pick<INodeProperties, 'displayName' | 'name'> & Partial<INodeProperties>,
): INodeProperties {
	return {
		type: 'string',
		typeOptions: { editor: 'sqlEditor' },
		default: '',
		placeholder: 'e.g. SELECT event, count() FROM events GROUP BY event',
		description: HOGQL_DESCRIPTION,
		...field,
	};
}

/** An insight's `query` for a HogQL text: PostHog wraps SQL insights this way (§5.1). */
export function hogQlInsightQuery(hogQl: string): IDataObject {
	return { kind: 'DataVisualizationNode', source: { kind: 'HogQLQuery', query: hogQl } };
}
