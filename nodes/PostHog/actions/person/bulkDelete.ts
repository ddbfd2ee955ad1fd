import {
	updateDisplayOptions,
	type DeclarativeRestApiSettings,
	type IDataObject,
	type IExecutePaginationFunctions,
	type INodeExecutionData,
	type INodePropertyOptions,
} from 'n8n-workflow';
import { sendRoutedRequest } from '../../transport/request';
import { optionsField } from '../shared/descriptions';
import { sendsOwnRequests } from '../shared/operations';
import { toItems } from '../shared/output';
import { personListFields, readPersonList } from './personList';

/** The most persons one `bulk_delete` request takes (docs/posthog-api-part3.md §8). */
const MAX_PERSONS_PER_REQUEST = 1000;

const COUNTS = [
	'persons_found',
	'persons_deleted',
	'events_queued_for_deletion',
	'recordings_queued_for_deletion',
] as const;

/**
 * The persons in requests of at most 1,000, one after another; PostHog takes distinct IDs as
 * they are, so none is looked up. The flags are JSON booleans here, unlike single deletes'
 * presence flags. Output: one item for the input item, PostHog's counts summed.
 */
async function deleteInBatches(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const { type, ids } = readPersonList(this);
	const deleteEvents = this.getNodeParameter('options.deleteEvents', false) === true;
	const total: IDataObject = Object.fromEntries(COUNTS.map((count) => [count, 0]));
	const deletionErrors: unknown[] = [];
	let requests = 0;
	for (let start = 0; start < ids.length; start += MAX_PERSONS_PER_REQUEST) {
		const batch = ids.slice(start, start + MAX_PERSONS_PER_REQUEST);
		const body = { [type === 'uuid' ? 'ids' : 'distinct_ids']: batch, delete_events: deleteEvents };
		const [answer] = await sendRoutedRequest.call(this, {
			...requestData,
			options: { ...requestData.options, body },
		});
		requests++;
		for (const count of COUNTS)
			total[count] = Number(total[count]) + Number(answer?.json[count] ?? 0);
		deletionErrors.push(...((answer?.json.deletion_errors as unknown[] | undefined) ?? []));
	}
	return toItems(this, [
		{ ...total, deletion_errors: deletionErrors, requested: ids.length, requests, queued: true },
	]);
}

export const option: INodePropertyOptions = {
	name: 'Bulk Delete',
	value: 'bulkDelete',
	action: 'Delete many persons',
	description:
		'Delete many persons at once, by UUID or distinct ID, 1,000 a request, optionally with their events. PostHog queues the deletion.',
	routing: {
		request: { method: 'POST', url: '/api/projects/{projectId}/persons/bulk_delete/' },
		operations: sendsOwnRequests(deleteInBatches),
	},
};

export const toolDescription =
	'Delete many persons at once (GDPR backlogs), given as a comma- or newline-separated list or an array of person UUIDs or distinct IDs, 1,000 per request; with Options, Delete Events also their events. Irreversible: put a human review before this in automated workflows. PostHog queues it; the output sums its counts: persons_found, persons_deleted, events_queued_for_deletion.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['person'], operation: ['bulkDelete'] } },
	[
		...personListFields(),
		{
			displayName:
				'PostHog queues the deletion and answers before doing it: a Get right after may still find the persons. It cannot be undone.',
			name: 'bulkDeleteNotice',
			type: 'notice',
			default: '',
		},
		optionsField({
			displayName: 'Delete Events',
			name: 'deleteEvents',
			type: 'boolean',
			default: false,
			description:
				'Whether to also delete every event of the persons (PostHog does it later, in a batch job; it cannot be undone)',
		}),
	],
);
