import { updateDisplayOptions, type INodePropertyOptions } from 'n8n-workflow';
import { groupTypeIndexField } from '../../shared/groupType';
import { filtersField, optionsField, queryFilter } from '../shared/descriptions';
import { resultsToItems } from '../shared/output';
import { groupPropertyNameField } from './fields';
import { sendGroupTypeIndex } from './identity';

// At most 20 values, most frequent first, as `{results}` or a bare array by server version
// (docs/posthog-api.md §2.7).
export const option: INodePropertyOptions = {
	name: 'Get Property Values',
	value: 'getPropertyValues',
	action: 'Get the values of a group property',
	description: 'List the most frequent values of a property across groups of one type, with counts',
	routing: {
		request: {
			method: 'GET',
			url: '/api/projects/{projectId}/groups/property_values/',
			qs: { key: '={{ $parameter.propertyName }}' },
		},
		send: { preSend: [sendGroupTypeIndex] },
		output: { postReceive: [resultsToItems] },
	},
};

export const toolDescription =
	'List the 20 most frequent values of a group property across the groups of one type (index 0 to 4), one item per value {name, count}. Optional substring filter on the value.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['group'], operation: ['getPropertyValues'] } },
	[
		groupTypeIndexField(),
		groupPropertyNameField(),
		filtersField(
			queryFilter({
				displayName: 'Value',
				name: 'value',
				placeholder: 'e.g. saa',
				description: 'Only values containing this text (case-insensitive)',
			}),
		),
		optionsField(),
	],
);
