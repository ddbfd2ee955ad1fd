import { updateDisplayOptions, type INodePropertyOptions } from 'n8n-workflow';
import { refuseBlank } from '../../shared/validation';
import { sendWithoutBody } from '../shared/body';
import { optionsField } from '../shared/descriptions';

// A POST whose input is the query string: PostHog ignores the body (docs/posthog-api.md §1.3).
export const option: INodePropertyOptions = {
	name: 'Count by Path',
	value: 'countByPath',
	action: 'Count items under a path',
	description: 'Count every item below a folder, and list the first 200 of them',
	routing: {
		request: { method: 'POST', url: '/api/projects/{projectId}/file_system/count_by_path/' },
		send: { preSend: [sendWithoutBody] },
	},
};

export const toolDescription =
	'Count every item in PostHog’s project tree below a folder path (e.g. Marketing/Campaigns) and list the first 200 of them. Returns {count, entries, has_more}.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['fileSystem'], operation: ['countByPath'] } },
	[
		{
			displayName: 'Path',
			name: 'path',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. Marketing/Q3',
			description: 'Folder path to count under',
			routing: {
				send: { type: 'query', property: 'path', preSend: [refuseBlank('path', 'Path')] },
			},
		},
		optionsField(),
	],
);
