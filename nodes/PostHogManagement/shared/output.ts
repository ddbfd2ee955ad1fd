import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';
import { postHogApiError } from './errors';

function isEmpty(body: unknown): boolean {
	return body === undefined || body === null || (typeof body === 'string' && body.trim() === '');
}

/**
 * postReceive: one item per returned object. A list fans out, and an empty answer
 * (204, or 200 with no content) becomes `{ success: true }`.
 */
export async function responseToItems(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const { body } = response;
	if (isEmpty(body)) return [{ json: { success: true } }];
	if (Array.isArray(body)) {
		return body.map((entry) => ({
			json:
				entry && typeof entry === 'object' ? (entry as IDataObject) : { value: entry as string },
		}));
	}
	if (typeof body === 'object') return [{ json: body as IDataObject }];
	// A 2xx page that is not JSON comes from a proxy or login page in front of PostHog.
	throw postHogApiError(this.getNode(), response, this.getItemIndex());
}
