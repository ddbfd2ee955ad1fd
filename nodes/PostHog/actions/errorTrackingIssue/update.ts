import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INodePropertyOptions,
} from 'n8n-workflow';
import { optionsField, updateFieldsField, updateFieldsOf } from '../shared/descriptions';
import { issueLocator } from './fields';
import { sentToIssueRoute } from './issueRoute';

/** preSend: only the fields given; an update with none is refused before any request. */
async function sendGivenFields(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	return { ...requestOptions, body: updateFieldsOf<IDataObject>(this) };
}

// Only status, name and description are writable; `archived` and `pending_release` are
// refused with a 400 (docs/posthog-api-part3.md §4.2).
export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update an error tracking issue',
	description: 'Resolve, suppress or reopen an error-tracking issue, or rename it',
	routing: {
		request: {
			method: 'PATCH',
			url: '/api/projects/{projectId}/error_tracking/issues/{issueId}/',
		},
		send: { preSend: [sendGivenFields] },
		operations: sentToIssueRoute,
	},
};

export const toolDescription =
	'Update an error-tracking issue (by UUID or URL) with only the fields given: status (active to reopen, resolved, suppressed to ignore future occurrences), name, description. Returns the issue. Use it to resolve an issue when its ticket is closed.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['errorTrackingIssue'], operation: ['update'] } },
	[
		issueLocator(),
		updateFieldsField(
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				default: '',
				description: 'The issue’s description',
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'The issue’s name',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Active', value: 'active', description: 'Open (reopens a resolved issue)' },
					{ name: 'Resolved', value: 'resolved', description: 'Fixed' },
					{
						name: 'Suppressed',
						value: 'suppressed',
						description: 'Ignored: PostHog stops alerting on it',
					},
				],
				default: 'resolved',
				description: 'The issue’s status',
			},
		),
		optionsField(),
	],
);
