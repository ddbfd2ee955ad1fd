import { updateDisplayOptions, type INodePropertyOptions } from 'n8n-workflow';
import { sendGroupIdentity } from './identity';
import { optionsField } from '../../shared/descriptions';
import { groupKeyField, groupTypeIndexField } from './fields';

// skip_create_notebook=true: otherwise PostHog may create a notebook as a side effect (posthog-api.md §2.5).
export const option: INodePropertyOptions = {
	name: 'Find',
	value: 'find',
	action: 'Find a group by key',
	description: 'Get one group by its type and key',
	routing: {
		request: {
			method: 'GET',
			url: '/api/projects/{projectId}/groups/find/',
			qs: { skip_create_notebook: true },
		},
		send: { preSend: [sendGroupIdentity] },
	},
};

export const fields = updateDisplayOptions(
	{ show: { resource: ['group'], operation: ['find'] } },
	[groupTypeIndexField(), groupKeyField(), optionsField()],
);
