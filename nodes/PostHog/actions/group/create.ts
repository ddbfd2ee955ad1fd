import {
	updateDisplayOptions,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INodePropertyOptions,
} from 'n8n-workflow';
import { groupTypeIndexField, groupTypeIndexOf } from '../../shared/groupType';
import { requireText } from '../../shared/validation';
import { optionsField, propertiesField } from '../shared/descriptions';
import { readProperties } from '../shared/properties';
import { groupKeyField } from './fields';

async function sendNewGroup(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const group_properties = Object.fromEntries(
		readProperties(this).map(({ key, value }) => [key, value]),
	);
	return {
		...requestOptions,
		body: {
			group_type_index: groupTypeIndexOf(this),
			group_key: requireText(this, 'groupKey', 'Group Key'),
			group_properties,
		},
	};
}

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a group',
	description: 'Create a group with its properties',
	routing: {
		request: { method: 'POST', url: '/api/projects/{projectId}/groups/' },
		send: { preSend: [sendNewGroup] },
	},
};

export const toolDescription =
	'Create a group (e.g. a company) of a group type index 0 to 4 with a key and properties. Returns the group. Fails if the key exists; use Create or Update to upsert. Never retried after a server error.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['group'], operation: ['create'] } },
	[groupTypeIndexField(), groupKeyField(), propertiesField(), optionsField()],
);
