import {
	NodeOperationError,
	updateDisplayOptions,
	type DeclarativeRestApiSettings,
	type IExecutePaginationFunctions,
	type INodeExecutionData,
	type INodePropertyOptions,
} from 'n8n-workflow';
import { groupTypeIndexField } from '../../shared/groupType';
import { sendRoutedRequest } from '../../transport/request';
import { optionsField, propertiesField } from '../shared/descriptions';
import { sendsOwnRequests } from '../shared/operations';
import { readProperties } from '../shared/properties';
import { groupKeyField } from './fields';
import { sendGroupIdentity } from './identity';

/**
 * PostHog sets one property per call with `{key, value}` (docs/posthog-api.md §2.9), so this sends one
 * request per property, in order, and outputs the group as PostHog last returned it.
 */
async function sendEachProperty(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const properties = readProperties(this);
	if (properties.length === 0) {
		throw new NodeOperationError(
			this.getNode(),
			'Properties: add at least one property to update',
			{
				itemIndex: this.getItemIndex(),
			},
		);
	}
	let group: INodeExecutionData[] = [];
	for (const { key, value } of properties) {
		group = await sendRoutedRequest.call(this, {
			...requestData,
			options: { ...requestData.options, body: { key, value } },
		});
	}
	return group;
}

export const option: INodePropertyOptions = {
	name: 'Update Property',
	value: 'updateProperty',
	action: 'Update properties of a group',
	description: 'Set one or more properties on a group, one request per property',
	routing: {
		request: { method: 'POST', url: '/api/projects/{projectId}/groups/update_property/' },
		send: { preSend: [sendGroupIdentity] },
		operations: sendsOwnRequests(sendEachProperty),
	},
};

export const toolDescription =
	'Set properties on an existing group (type index 0 to 4 and key), one request per property; values written as JSON are stored as JSON. Returns the group after the last one. A 404 means the group does not exist.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['group'], operation: ['updateProperty'] } },
	[groupTypeIndexField(), groupKeyField(), propertiesField(), optionsField()],
);
