import type { INodePropertyOptions } from 'n8n-workflow';
import { sendGroupIdentity } from './identity';

// The body is `{"$unset": name}`, which PostHog's published schema does not show (posthog-api.md §2.4).
export const deletePropertyOperation: INodePropertyOptions = {
	name: 'Delete Property',
	value: 'deleteProperty',
	action: 'Delete a property from a group',
	description: 'Remove one property from a group',
	routing: {
		request: {
			method: 'POST',
			url: '/api/projects/{projectId}/groups/delete_property/',
			body: { $unset: '={{ $parameter.propertyName }}' },
		},
		send: { preSend: [sendGroupIdentity] },
	},
};
