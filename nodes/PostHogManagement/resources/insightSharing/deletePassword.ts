import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

export const deletePasswordOperation: INodePropertyOptions = {
	name: 'Delete Password',
	value: 'deletePassword',
	action: 'Delete a password of a shared insight',
	description: 'Deactivate one password of the insight’s share link',
	routing: {
		request: {
			method: 'DELETE',
			url: '/api/projects/{projectId}/insights/{insightId}/sharing/passwords/{passwordId}/',
		},
	},
};

export const deletePasswordFields: INodeProperties[] = [
	{
		displayName: 'Password ID',
		name: 'passwordId',
		type: 'number',
		default: 0,
		required: true,
		displayOptions: { show: { resource: ['insightSharing'], operation: ['deletePassword'] } },
		description: 'ID of the password, as listed in share_passwords by the Get operation',
	},
];
