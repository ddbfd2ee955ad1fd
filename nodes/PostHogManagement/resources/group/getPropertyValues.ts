import { updateDisplayOptions, type INodePropertyOptions } from 'n8n-workflow';
import { optionsField } from '../../shared/descriptions';
import { resultsToItems } from '../../shared/output';
import { groupTypeIndexField, propertyNameField } from './fields';
import { sendGroupTypeIndex } from './identity';

// At most 20 values, most frequent first (docs/posthog-api.md §2.7).
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

export const fields = updateDisplayOptions(
	{ show: { resource: ['group'], operation: ['getPropertyValues'] } },
	[
		groupTypeIndexField(),
		propertyNameField(),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{
					displayName: 'Value',
					name: 'value',
					type: 'string',
					default: '',
					placeholder: 'e.g. saa',
					description: 'Only values containing this text (case-insensitive)',
					routing: { send: { type: 'query', property: 'value' } },
				},
			],
		},
		optionsField(),
	],
);
