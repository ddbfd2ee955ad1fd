import {
	updateDisplayOptions,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INodePropertyOptions,
} from 'n8n-workflow';
import { groupTypeIndexField, groupTypeIndexOf } from '../../shared/groupType';
import { requireText, requireUuid } from '../../shared/validation';
import { optionsField } from '../shared/descriptions';
import { groupKeyField } from './fields';

/**
 * `id` is a group key when `group_type_index` is sent, and a person UUID when it is not
 * (docs/posthog-api.md §2.8).
 */
async function sendRelatedSubject(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	if (this.getNodeParameter('relatedTo') === 'person') {
		const id = requireUuid(this, 'personId', 'Person ID', 'person');
		return { ...requestOptions, qs: { ...requestOptions.qs, id } };
	}
	const group_type_index = groupTypeIndexOf(this);
	const id = requireText(this, 'groupKey', 'Group Key');
	return { ...requestOptions, qs: { ...requestOptions.qs, id, group_type_index } };
}

export const option: INodePropertyOptions = {
	name: 'Get Related',
	value: 'getRelated',
	action: 'Get actors related to a group or person',
	description:
		'List the persons and groups that shared events with a group or person in the last 90 days',
	routing: {
		request: { method: 'GET', url: '/api/projects/{projectId}/groups/related/' },
		send: { preSend: [sendRelatedSubject] },
	},
};

// About a person there is no group: the group fields hide.
const aboutGroup = { hide: { relatedTo: ['person'] } };

export const toolDescription =
	'List the persons and groups that shared events with a group (type index and key) or a person (UUID) in the last 90 days, one item per actor.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['group'], operation: ['getRelated'] } },
	[
		{
			displayName: 'Related To',
			name: 'relatedTo',
			type: 'options',
			options: [
				{
					name: 'Group',
					value: 'group',
					description: 'Persons and groups of other types related to a group',
				},
				{ name: 'Person', value: 'person', description: 'Groups related to a person' },
			],
			default: 'group',
			description: 'Whose related actors to list',
		},
		{ ...groupTypeIndexField(), displayOptions: aboutGroup },
		{ ...groupKeyField(), displayOptions: aboutGroup },
		{
			displayName: 'Person ID',
			name: 'personId',
			type: 'string',
			default: '',
			required: true,
			displayOptions: { show: { relatedTo: ['person'] } },
			placeholder: 'e.g. 0190a3c2-7d41-7c3e-9f5e-3b1f2a4c5d6e',
			description: 'UUID of the person (not a distinct ID)',
		},
		optionsField(),
	],
);
