import {
	NodeApiError,
	updateDisplayOptions,
	type DeclarativeRestApiSettings,
	type IExecutePaginationFunctions,
	type INodeExecutionData,
	type INodePropertyOptions,
	type JsonObject,
} from 'n8n-workflow';
import { sendRoutedRequest } from '../../transport/request';
import { errorCode } from '../../transport/retry';
import { optionsField } from '../shared/descriptions';
import { sendsOwnRequests } from '../shared/operations';
import { personLocator, personPropertyNameField } from './fields';

/**
 * PostHog looks the person up outside its usual error handling here, so a person that does not
 * exist (or has no distinct ID) is a 500, not a 404 (docs/posthog-api-part2.md §3); the error says so.
 */
async function explainServerError(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	try {
		return await sendRoutedRequest.call(this, requestData);
	} catch (error) {
		if (errorCode(error) === '500') {
			(error as NodeApiError).description =
				'PostHog answers 500 here when the person does not exist or has no distinct ID. Check the Person with Get.';
		}
		throw new NodeApiError(this.getNode(), error as JsonObject);
	}
}

export const option: INodePropertyOptions = {
	name: 'Delete Property',
	value: 'deleteProperty',
	action: 'Delete a property from a person',
	description: 'Remove one property from a person',
	routing: {
		request: {
			method: 'POST',
			url: '/api/projects/{projectId}/persons/{personId}/delete_property/',
			body: { $unset: '={{ $parameter.propertyName }}' },
		},
		operations: sendsOwnRequests(explainServerError),
	},
};

export const toolDescription =
	'Remove one property from a person, by UUID, distinct ID or URL. Returns PostHog’s answer.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['person'], operation: ['deleteProperty'] } },
	[personLocator(), personPropertyNameField(), optionsField()],
);
