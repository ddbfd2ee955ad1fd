import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

const showOnlyForUndoDelete = { resource: ['fileSystem'], operation: ['undoDelete'] };

// All items are restored or none (posthog-api.md §1.6).
export const undoDeleteOperation: INodePropertyOptions = {
	name: 'Undo Delete',
	value: 'undoDelete',
	action: 'Restore deleted items',
	description: 'Restore soft-deleted items; either all of them are restored or none',
	routing: {
		request: { method: 'POST', url: '/api/projects/{projectId}/file_system/undo_delete/' },
	},
};

export const undoDeleteFields: INodeProperties[] = [
	{
		displayName: 'Items',
		name: 'items',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		required: true,
		placeholder: 'Add Item',
		displayOptions: { show: showOnlyForUndoDelete },
		hint: 'Only actions, cohorts, dashboards, experiments, feature flags, insights, recording playlists and hog functions can be restored',
		options: [
			{
				displayName: 'Item',
				name: 'item',
				values: [
					{
						displayName: 'Path',
						name: 'path',
						type: 'string',
						default: '',
						placeholder: 'e.g. Marketing/Signup funnel',
						description: 'Where to restore the item; leave empty for its original place',
					},
					{
						displayName: 'Ref',
						name: 'ref',
						type: 'string',
						default: '',
						placeholder: 'e.g. aB3dE5fG',
						description:
							'ID of the deleted item as PostHog stores it; for insights this is the short ID',
					},
					{
						displayName: 'Type',
						name: 'type',
						type: 'string',
						default: '',
						placeholder: 'e.g. insight',
						description: 'Type of the deleted item (insight, dashboard, feature_flag, …)',
					},
				],
			},
		],
		routing: {
			send: {
				type: 'body',
				property: 'items',
				value:
					'={{ ($value.item ?? []).map((item) => Object.assign({ type: item.type, ref: item.ref }, item.path ? { path: item.path } : {})) }}',
			},
		},
	},
];
