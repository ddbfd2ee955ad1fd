import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

const showOnlyForFileUnfiled = { resource: ['fileSystem'], operation: ['fileUnfiled'] };

// A GET that writes: it creates entries under Unfiled/ for objects that have none (posthog-api.md §1.7).
export const fileUnfiledOperation: INodePropertyOptions = {
	name: 'File Unfiled',
	value: 'fileUnfiled',
	action: 'File unfiled items',
	description: 'Give every object without a place in the tree an entry under the Unfiled folder',
	routing: {
		request: { method: 'GET', url: '/api/projects/{projectId}/file_system/unfiled/' },
	},
};

export const fileUnfiledFields: INodeProperties[] = [
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: showOnlyForFileUnfiled },
		options: [
			{
				displayName: 'Type',
				name: 'type',
				type: 'string',
				default: '',
				placeholder: 'e.g. insight',
				description: 'Only file objects of this type (insight, dashboard, feature_flag, …)',
				hint: 'An unknown type files nothing and returns a count of 0',
				routing: { send: { type: 'query', property: 'type' } },
			},
		],
	},
];
