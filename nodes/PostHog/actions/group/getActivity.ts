import { updateDisplayOptions, type INodePropertyOptions } from 'n8n-workflow';
import { groupTypeIndexField } from '../../shared/groupType';
import { limitField, optionsField, returnAllField } from '../shared/descriptions';
import { pagedBy } from '../shared/operations';
import { followPageNumbers } from '../shared/pagination';
import { groupKeyField } from './fields';
import { sendGroupIdentity } from './identity';

// Needs the activity_log:read scope, not group:read, and pages by page/limit (docs/posthog-api.md §2.3).
export const option: INodePropertyOptions = {
	name: 'Get Activity',
	value: 'getActivity',
	action: 'Get the activity log of a group',
	description: 'List the changes made to a group, newest first',
	routing: {
		request: { method: 'GET', url: '/api/projects/{projectId}/groups/activity/' },
		send: { preSend: [sendGroupIdentity] },
		operations: pagedBy(followPageNumbers),
	},
};

export const toolDescription =
	'List the change log of a group (group type index 0 to 4 and key), newest first, one item per entry (activity, user, detail.changes, created_at). Needs the activity_log:read scope.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['group'], operation: ['getActivity'] } },
	[groupTypeIndexField(), groupKeyField(), returnAllField(), limitField(), optionsField()],
);
