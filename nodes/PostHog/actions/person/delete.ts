import {
	updateDisplayOptions,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INodePropertyOptions,
} from 'n8n-workflow';
import { optionsField } from '../shared/descriptions';
import { personLocator } from './fields';
import { outputQueuedChange } from './queued';

/**
 * preSend: `?delete_events=true` only when asked. PostHog checks the flag's presence, not its
 * value, so `delete_events=false` would delete the events too (docs/posthog-api-part2.md §3).
 */
async function sendDeleteEventsFlag(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	if (this.getNodeParameter('options.deleteEvents', false) !== true) return requestOptions;
	return { ...requestOptions, qs: { ...requestOptions.qs, delete_events: true } };
}

export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a person',
	description:
		'Delete a person and their distinct IDs, optionally with their events. PostHog queues the deletion.',
	routing: {
		request: { method: 'DELETE', url: '/api/projects/{projectId}/persons/{personId}/' },
		send: { preSend: [sendDeleteEventsFlag] },
		output: { postReceive: [outputQueuedChange] },
	},
};

export const toolDescription =
	'Delete a person, by UUID, distinct ID or URL; with Options, Delete Events also their events. Irreversible (GDPR deletion): put a human review before this in automated workflows. PostHog queues it: the output is {success, queued: true, person}, and the person may still be listed for a while.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['person'], operation: ['delete'] } },
	[
		personLocator(),
		{
			displayName:
				'PostHog queues the deletion and answers before doing it: the output is { success, queued, person }, and a Get right after may still find the person.',
			name: 'deleteNotice',
			type: 'notice',
			default: '',
		},
		optionsField({
			displayName: 'Delete Events',
			name: 'deleteEvents',
			type: 'boolean',
			default: false,
			description:
				'Whether to also delete every event of the person (PostHog does it later, in a batch job; it cannot be undone)',
		}),
	],
);
