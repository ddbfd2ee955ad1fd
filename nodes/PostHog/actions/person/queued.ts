import type {
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';
import { toItems } from '../shared/output';
import { resolvedPersonOf } from './fields';

/**
 * postReceive: PostHog answers Set Properties and Delete with 202 and no body
 * (docs/posthog-api-part2.md §3): the change is queued, not done, and a 202 does not even prove
 * it will happen. The output says so and names the person; older servers answer a delete with
 * 204 once it is done.
 */
export async function outputQueuedChange(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const { body } = response;
	const empty = body === undefined || body === null || (typeof body === 'string' && !body.trim());
	if (!empty) return items;
	return toItems(this, [
		{ success: true, queued: response.statusCode === 202, person: resolvedPersonOf(this) ?? null },
	]);
}
