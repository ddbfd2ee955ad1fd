import { updateDisplayOptions, type INodePropertyOptions } from 'n8n-workflow';
import {
	filtersField,
	limitField,
	optionsField,
	queryFilter,
	returnAllField,
} from '../shared/descriptions';
import { pagedBy } from '../shared/operations';
import { followOffsetPages } from '../shared/pagination';

// `archived` is a query parameter of the list; `search` matches name and description (part 3 §3).
export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many surveys',
	description: 'List the project’s surveys',
	routing: {
		request: { method: 'GET', url: '/api/projects/{projectId}/surveys/' },
		operations: pagedBy(followOffsetPages),
	},
};

export const toolDescription =
	'List the project’s surveys, one item per survey: id (UUID), name, type, questions, start_date (null: a draft), end_date (set: stopped), archived. Optional filters: a text search on name and description, archived or not. Use Limit to keep the output small.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['survey'], operation: ['getAll'] } },
	[
		returnAllField(),
		limitField(),
		filtersField(
			{
				displayName: 'Archived',
				name: 'archived',
				type: 'boolean',
				default: false,
				description:
					'Whether to list only archived surveys (on) or only surveys not archived (off)',
				routing: { send: { type: 'query', property: 'archived', value: '={{$value}}' } },
			},
			queryFilter({
				displayName: 'Search',
				name: 'search',
				placeholder: 'e.g. NPS',
				description: 'Only surveys whose name or description contains this text',
			}),
		),
		optionsField(),
	],
);
