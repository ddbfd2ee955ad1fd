import {
	updateDisplayOptions,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INodePropertyOptions,
} from 'n8n-workflow';
import { requireText } from '../../shared/validation';
import { optionsField } from '../shared/descriptions';
import { EXAMPLE_HOGQL, EXAMPLE_HOGQL_INLINE, hogQlField } from '../shared/hogql';
import { rowsToItems } from './rows';
import { placeholderValuesField, readPlaceholderValues } from './values';

/**
 * `refresh: "blocking"` answers from PostHog's cache while it is fresh, `"force_blocking"`
 * always runs the query; without `refresh` an older PostHog may answer from a stale cache
 * (docs/posthog-api-part2.md §5.2, §5.4).
 */
async function sendHogQLQuery(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const query = requireText(this, 'query', 'Query');
	const values = readPlaceholderValues(this);
	const fresh = this.getNodeParameter('options.fresh', false) as boolean;
	return {
		...requestOptions,
		body: {
			query: { kind: 'HogQLQuery', query, ...(values ? { values } : {}) },
			refresh: fresh ? 'force_blocking' : 'blocking',
		},
	};
}

// Throttled to 120 requests an hour per key, unlike the rest of the API (§7).
export const option: INodePropertyOptions = {
	name: 'Run',
	value: 'run',
	action: 'Run a HogQL query',
	description: 'Run a HogQL (SQL) query over the project’s events, persons, groups and sessions',
	routing: {
		request: { method: 'POST', url: '/api/projects/{projectId}/query/' },
		send: { preSend: [sendHogQLQuery] },
		output: { postReceive: [rowsToItems] },
	},
};

export const toolDescription = `Run a HogQL query (PostHog’s SQL over ClickHouse) and get one item per row, keyed by column. Tables: events (event, timestamp, distinct_id, person_id, properties.NAME), persons (id, created_at, properties.NAME), groups (index, key, created_at, properties.NAME), sessions (session_id, $start_timestamp, $session_duration). Always end the query with LIMIT n: without LIMIT PostHog returns only 100 rows and this tool fails when there are more; the most is LIMIT 50000. Put values in {name} placeholders when the workflow fills them. PostHog allows 120 queries an hour per API key: ask one query that answers the question, not many. Example: ${EXAMPLE_HOGQL_INLINE}`;

export const fields = updateDisplayOptions({ show: { resource: ['query'], operation: ['run'] } }, [
	hogQlField({ displayName: 'Query', name: 'query', required: true, default: EXAMPLE_HOGQL }),
	{
		displayName:
			'PostHog allows 120 HogQL queries an hour per API key, and returns at most 100 rows unless the query has a LIMIT (up to 50,000)',
		name: 'queryRunNotice',
		type: 'notice',
		default: '',
	},
	placeholderValuesField(),
	optionsField(
		{
			displayName: 'Fresh Results',
			name: 'fresh',
			type: 'boolean',
			default: false,
			description: 'Whether to run the query even when PostHog has a recent cached answer for it',
		},
		{
			displayName: 'Partial Results',
			name: 'partialResults',
			type: 'boolean',
			default: false,
			description: 'Whether to output the rows PostHog returned when there are more',
		},
	),
]);
