import { NodeApiError, type IExecuteSingleFunctions, type JsonObject } from 'n8n-workflow';
import { postHogRequest } from '../../transport/request';
import { errorCode } from '../../transport/retry';

/** From this many distinct IDs in one item on, they are looked up with HogQL, 1,000 a query. */
export const BATCH_LOOKUP_FROM = 50;
const IDS_PER_QUERY = 1000;

const literal = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

type HogQLAnswer = { results?: unknown[][] };

/**
 * The persons of many distinct IDs, 1,000 a HogQL query over `person_distinct_ids` (HogQL's
 * table of each distinct ID's current person; docs/posthog-api-part3.md §1), instead of one
 * `GET persons/?distinct_id=` each: 10,000 IDs take 10 queries of the 120 an hour rather than
 * 10,000 requests at 240 a minute. Without `query:read` (403) it answers undefined, and the
 * caller looks the IDs up one by one.
 */
export async function personUuidsByDistinctIdBatch(
	context: IExecuteSingleFunctions,
	project: string,
	distinctIds: string[],
): Promise<Map<string, string> | undefined> {
	const found = new Map<string, string>();
	try {
		for (let start = 0; start < distinctIds.length; start += IDS_PER_QUERY) {
			const chunk = distinctIds.slice(start, start + IDS_PER_QUERY);
			const answer = await postHogRequest<HogQLAnswer>(context, {
				method: 'POST',
				url: `/api/projects/${project}/query/`,
				body: {
					query: {
						kind: 'HogQLQuery',
						query: `SELECT distinct_id, person_id FROM person_distinct_ids WHERE distinct_id IN (${chunk.map(literal).join(', ')}) LIMIT ${chunk.length}`,
					},
					refresh: 'force_blocking',
				},
			});
			for (const [distinctId, personId] of answer.results ?? []) {
				if (personId) found.set(String(distinctId), String(personId));
			}
		}
	} catch (error) {
		if (errorCode(error) === '403') return undefined;
		throw new NodeApiError(context.getNode(), error as JsonObject);
	}
	return found;
}
