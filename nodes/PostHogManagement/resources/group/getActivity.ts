import { updateDisplayOptions, type INodePropertyOptions } from 'n8n-workflow';
import { followPageNumbers } from '../../shared/pagination';
import { sendGroupIdentity } from './identity';
import { limitField, optionsField, returnAllField } from '../../shared/descriptions';
import { groupKeyField, groupTypeIndexField } from './fields';

// Needs the activity_log:read scope, not group:read, and pages by page/limit (docs/posthog-api.md §2.3).
export const option: INodePropertyOptions = {
	name: 'Get Activity',
	value: 'getActivity',
	action: 'Get the activity log of a group',
	description: 'List the changes made to a group, newest first',
	routing: {
		request: { method: 'GET', url: '/api/projects/{projectId}/groups/activity/' },
		send: { preSend: [sendGroupIdentity] },
		operations: { pagination: followPageNumbers },
	},
};

export const fields = updateDisplayOptions(
	{ show: { resource: ['group'], operation: ['getActivity'] } },
	[groupTypeIndexField(), groupKeyField(), returnAllField(), limitField(), optionsField()],
);
