import { updateDisplayOptions, type INodePropertyOptions } from 'n8n-workflow';
import { groupTypeIndexField } from '../../shared/groupType';
import { optionsField } from '../shared/descriptions';
import { groupKeyField, groupPropertyNameField } from './fields';
import { sendGroupIdentity } from './identity';

// The body is `{"$unset": name}`, which PostHog's published schema does not show (docs/posthog-api.md §2.4).
export const option: INodePropertyOptions = {
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

export const toolDescription =
	'Remove one property from a group, given by group type index (0 to 4) and key. Returns the group. Fails if the property is not set.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['group'], operation: ['deleteProperty'] } },
	[
		groupTypeIndexField(),
		groupKeyField(),
		groupPropertyNameField('Delete Property fails if the group has no property of this name'),
		optionsField(),
	],
);
