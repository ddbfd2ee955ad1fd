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

// Deleted cohorts are not listed; newest first, or by relevance with a search (part 3 §1).
export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many cohorts',
	description: 'List the project’s cohorts, newest first',
	routing: {
		request: { method: 'GET', url: '/api/projects/{projectId}/cohorts/' },
		operations: pagedBy(followOffsetPages),
	},
};

export const toolDescription =
	'List the project’s cohorts (saved groups of persons), newest first, one item per cohort: id, name, description, is_static (static cohorts have members added by hand; dynamic ones are computed from filters), count. Optional filters: a text search on the name, static or dynamic only. Use Limit to keep the output small.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['cohort'], operation: ['getAll'] } },
	[
		returnAllField(),
		limitField(),
		filtersField(
			queryFilter({
				displayName: 'Search',
				name: 'search',
				placeholder: 'e.g. beta',
				description: 'Only cohorts whose name contains this text',
			}),
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				options: [
					{ name: 'Dynamic', value: 'dynamic', description: 'Computed from filters' },
					{ name: 'Static', value: 'static', description: 'Members added by hand or by n8n' },
				],
				default: 'static',
				description: 'Only cohorts of this type',
				routing: { send: { type: 'query', property: 'type' } },
			},
		),
		optionsField(),
	],
);
