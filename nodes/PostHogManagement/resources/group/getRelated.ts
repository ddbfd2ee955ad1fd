import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { checkGroupTypeIndex, requireText, requireUuid } from '../../shared/validation';

/**
 * `id` is a group key when `group_type_index` is sent, and a person UUID when it is not
 * (posthog-api.md §2.8).
 */
async function sendRelatedSubject(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	if (this.getNodeParameter('relatedTo') === 'person') {
		const id = requireUuid(this, 'personId', 'Person ID', 'person');
		return { ...requestOptions, qs: { ...requestOptions.qs, id } };
	}
	const group_type_index = checkGroupTypeIndex(this);
	const id = requireText(this, 'groupKey', 'Group Key');
	return { ...requestOptions, qs: { ...requestOptions.qs, id, group_type_index } };
}

const showOnlyForGetRelated = { resource: ['group'], operation: ['getRelated'] };

export const getRelatedOperation: INodePropertyOptions = {
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

export const relatedToField: INodeProperties = {
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
	displayOptions: { show: showOnlyForGetRelated },
	description: 'Whose related actors to list',
};

export const personIdField: INodeProperties = {
	displayName: 'Person ID',
	name: 'personId',
	type: 'string',
	default: '',
	required: true,
	displayOptions: { show: { ...showOnlyForGetRelated, relatedTo: ['person'] } },
	placeholder: 'e.g. 0190a3c2-7d41-7c3e-9f5e-3b1f2a4c5d6e',
	description: 'UUID of the person (not a distinct ID)',
};
