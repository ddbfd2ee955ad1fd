import {
	updateDisplayOptions,
	type DeclarativeRestApiSettings,
	type IDataObject,
	type IExecutePaginationFunctions,
	type INodeExecutionData,
	type INodePropertyOptions,
} from 'n8n-workflow';
import {
	filtersField,
	limitField,
	optionsField,
	queryFilter,
	returnAllField,
} from '../shared/descriptions';
import { pagedBy } from '../shared/operations';
import { toItems } from '../shared/output';
import { followOffset } from '../shared/pagination';

/**
 * The actions list has no `next`, and older servers ignore `limit`, `offset` and `search`
 * (docs/posthog-api-part3.md §2): the search is applied here too.
 */
async function listActions(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const search = String(requestData.options.qs?.search ?? '').toLowerCase();
	const matches = (action: IDataObject) =>
		!search ||
		String(action.name ?? '')
			.toLowerCase()
			.includes(search);
	return toItems(this, await followOffset.call(this, requestData, matches, { withoutNext: true }));
}

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many actions',
	description: 'List the project’s actions',
	routing: {
		request: { method: 'GET', url: '/api/projects/{projectId}/actions/' },
		operations: pagedBy(listActions),
	},
};

export const toolDescription =
	'List the project’s actions (named sets of events, such as “Signed up”), one item per action: id, name, description, tags, steps. Optional: a text search on the name. Use Limit to keep the output small.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['action'], operation: ['getAll'] } },
	[
		returnAllField(),
		limitField(),
		filtersField(
			queryFilter({
				displayName: 'Search',
				name: 'search',
				placeholder: 'e.g. signed up',
				description: 'Only actions whose name contains this text (case-insensitive)',
			}),
		),
		optionsField(),
	],
);
