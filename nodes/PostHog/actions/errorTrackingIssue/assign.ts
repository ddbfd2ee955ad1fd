import {
	updateDisplayOptions,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INodePropertyOptions,
} from 'n8n-workflow';
import { DIGITS } from '../../shared/locator';
import { invalidParameter } from '../../shared/validation';
import { optionsField } from '../shared/descriptions';
import { issueLocator } from './fields';
import { sentToIssueRoute } from './issueRoute';

/** preSend: `{assignee: {type: "user", id}}`, or `{assignee: null}` to unassign (part 3 §4.2). */
async function sendAssignee(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const raw = this.getNodeParameter('assignee', '') as unknown;
	const id = String(raw ?? '').trim();
	if (id && !DIGITS.test(id))
		throw invalidParameter(this, 'Assignee', `"${id}" is not a numeric user ID`);
	const assignee = id ? { type: 'user', id: Number(id) } : null;
	return { ...requestOptions, body: { assignee } };
}

export const option: INodePropertyOptions = {
	name: 'Assign',
	value: 'assign',
	action: 'Assign an error tracking issue',
	description: 'Assign an error-tracking issue to a member of the organization, or unassign it',
	routing: {
		request: {
			method: 'PATCH',
			url: '/api/projects/{projectId}/error_tracking/issues/{issueId}/assign/',
		},
		send: { preSend: [sendAssignee] },
		operations: sentToIssueRoute,
	},
};

export const toolDescription =
	'Assign an error-tracking issue (by UUID or URL) to a user of the organization, given by numeric user ID, or unassign it with an empty Assignee. PostHog emails the assignee. Returns {success: true}.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['errorTrackingIssue'], operation: ['assign'] } },
	[
		issueLocator(),
		{
			displayName: 'Assignee Name or ID',
			name: 'assignee',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getOrganizationMembers' },
			default: '',
			description:
				'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			hint: 'Unassigned removes the assignee. An expression gives a numeric user ID.',
		},
		optionsField(),
	],
);
