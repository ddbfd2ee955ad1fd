import {
	updateDisplayOptions,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INodePropertyOptions,
} from 'n8n-workflow';
import { invalidParameter } from '../../shared/validation';
import { errorBodyOf } from '../../transport/errors';
import { errorCode } from '../../transport/retry';
import { optionsField } from '../shared/descriptions';
import { explainsFailures } from '../shared/operations';

type DeletedItem = { type?: string; ref?: string; path?: string };

/** preSend: PostHog needs at least one item, each with a type and a ref (docs/posthog-api.md §1.6). */
async function checkItems(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const items = this.getNodeParameter('items.item', []) as DeletedItem[];
	if (items.length === 0) throw invalidParameter(this, 'Items', 'add at least one item to restore');
	items.forEach((item, position) => {
		if (!String(item.type ?? '').trim() || !String(item.ref ?? '').trim()) {
			throw invalidParameter(this, 'Items', `item ${position + 1} needs both a type and a ref`);
		}
	});
	return requestOptions;
}

/**
 * Older servers have no `undo_delete` action (docs/posthog-api.md §1 "Older servers"): the 404
 * says so, rather than PostHog's bare "Not found.".
 */
const explainMissingAction = (error: unknown) =>
	errorCode(error) === '404' && !/project/i.test(String(errorBodyOf(error).detail ?? ''))
		? 'This PostHog version has no Undo Delete for the project tree; newer versions do (for self-hosted PostHog: upgrade it). Restore the items in PostHog instead.'
		: undefined;

// All items are restored or none (docs/posthog-api.md §1.6).
export const option: INodePropertyOptions = {
	name: 'Undo Delete',
	value: 'undoDelete',
	action: 'Restore deleted items',
	description: 'Restore soft-deleted items; either all of them are restored or none',
	routing: {
		request: { method: 'POST', url: '/api/projects/{projectId}/file_system/undo_delete/' },
		operations: explainsFailures(explainMissingAction),
	},
};

export const toolDescription =
	'Restore soft-deleted items (each given by type and ref, e.g. insight and its short ID); either all of them are restored or none. Returns {undone}.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['fileSystem'], operation: ['undoDelete'] } },
	[
		{
			displayName: 'Items',
			name: 'items',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			required: true,
			placeholder: 'Add Item',
			hint: 'Only actions, cohorts, dashboards, experiments, feature flags, insights, recording playlists and hog functions can be restored',
			options: [
				{
					displayName: 'Item',
					name: 'item',
					values: [
						{
							displayName: 'Path',
							name: 'path',
							type: 'string',
							default: '',
							placeholder: 'e.g. Marketing/Signup funnel',
							description: 'Where to restore the item; leave empty for its original place',
						},
						{
							displayName: 'Ref',
							name: 'ref',
							type: 'string',
							default: '',
							placeholder: 'e.g. aB3dE5fG',
							description:
								'ID of the deleted item as PostHog stores it; for insights this is the short ID',
						},
						{
							displayName: 'Type',
							name: 'type',
							type: 'string',
							default: '',
							placeholder: 'e.g. insight',
							description: 'Type of the deleted item (insight, dashboard, feature_flag, …)',
						},
					],
				},
			],
			routing: {
				send: {
					type: 'body',
					property: 'items',
					preSend: [checkItems],
					value:
						'={{ ($value.item ?? []).map((item) => Object.assign({ type: item.type, ref: item.ref }, item.path ? { path: item.path } : {})) }}',
				},
			},
		},
		optionsField(),
	],
);
