import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';
import { postHogApiError } from '../../transport/errors';

function isEmpty(body: unknown): boolean {
	return body === undefined || body === null || (typeof body === 'string' && body.trim() === '');
}

/**
 * Output items for the current input item: one per entry, each paired to that input item.
 * (The routing engine pairs items itself only when input and output counts line up.)
 */
export function toItems(
	context: Pick<IExecuteSingleFunctions, 'getItemIndex'>,
	entries: unknown[],
): INodeExecutionData[] {
	const pairedItem = { item: context.getItemIndex() };
	return entries.map((entry) => ({
		json: entry && typeof entry === 'object' ? (entry as IDataObject) : { value: entry as string },
		pairedItem,
	}));
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
	if (isEmpty(body)) return toItems(this, [{ success: true }]);
	if (Array.isArray(body)) return toItems(this, body);
	if (typeof body === 'object') return toItems(this, [body]);
	// A 2xx page that is not JSON comes from a proxy or login page in front of PostHog.
	throw postHogApiError(this.getNode(), response, this.getItemIndex());
}

/**
 * postReceive: one item per entry of a list that PostHog answers as `{results: […]}` on some
 * versions and as a bare array on others. The Resource parameter's `responseToItems` runs first
 * and has fanned a bare array out already; a `{results}` answer is fanned out here.
 */
export async function resultsToItems(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (Array.isArray(response.body)) return items;
	return toItems(this, (items[0]?.json.results as unknown[] | undefined) ?? []);
}
