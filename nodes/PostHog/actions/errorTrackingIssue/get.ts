import { updateDisplayOptions, type INodePropertyOptions } from 'n8n-workflow';
import { optionsField } from '../shared/descriptions';
import { issueLocator } from './fields';
import { sentToIssueRoute } from './issueRoute';

export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get an error tracking issue',
	description: 'Get one error-tracking issue',
	routing: {
		request: { method: 'GET', url: '/api/projects/{projectId}/error_tracking/issues/{issueId}/' },
		operations: sentToIssueRoute,
	},
};

export const toolDescription =
	'Get one error-tracking issue by UUID or URL: id, name (the exception type), description (its message), status (active, resolved, suppressed), first_seen, assignee ({type, id} or null).';

export const fields = updateDisplayOptions(
	{ show: { resource: ['errorTrackingIssue'], operation: ['get'] } },
	[issueLocator(), optionsField()],
);
