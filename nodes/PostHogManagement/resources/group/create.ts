import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodePropertyOptions,
} from 'n8n-workflow';
import { readProperties } from '../../shared/properties';
import { checkGroupTypeIndex, requireText } from '../../shared/validation';

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
			group_type_index: checkGroupTypeIndex(this),
			group_key: requireText(this, 'groupKey', 'Group Key'),
			group_properties,
		},
	};
}

export const createOperation: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a group',
	description: 'Create a group with its properties',
	routing: {
		request: { method: 'POST', url: '/api/projects/{projectId}/groups/' },
		send: { preSend: [sendNewGroup] },
	},
};
