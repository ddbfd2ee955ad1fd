import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

const showOnlyForLogView = { resource: ['fileSystem'], operation: ['logView'] };

export const logViewOperation: INodePropertyOptions = {
	name: 'Log View',
	value: 'logView',
	action: 'Record that an item was viewed',
	description: 'Record a view of an item for the API key’s user, as shown in “Recent” in PostHog',
	routing: {
		request: { method: 'POST', url: '/api/projects/{projectId}/file_system/log_view/' },
	},
};

export const logViewFields: INodeProperties[] = [
	{
		displayName: 'Type',
		name: 'type',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: showOnlyForLogView },
		placeholder: 'e.g. insight',
		description: 'Type of the viewed item (insight, dashboard, feature_flag, …)',
		routing: { send: { type: 'body', property: 'type' } },
	},
	{
		displayName: 'Ref',
		name: 'ref',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: showOnlyForLogView },
		placeholder: 'e.g. aB3dE5fG',
		description: 'ID of the viewed item as PostHog stores it; for insights this is the short ID',
		routing: { send: { type: 'body', property: 'ref' } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForLogView },
		options: [
			{
				displayName: 'Viewed At',
				name: 'viewedAt',
				type: 'dateTime',
				default: '',
				description: 'When the item was viewed; defaults to now',
				routing: { send: { type: 'body', property: 'viewed_at' } },
			},
		],
	},
];
