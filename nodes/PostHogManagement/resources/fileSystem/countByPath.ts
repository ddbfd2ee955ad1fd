import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { sendWithoutBody } from '../../shared/body';
import { refuseBlank } from '../../shared/validation';

const showOnlyForCountByPath = { resource: ['fileSystem'], operation: ['countByPath'] };

// A POST whose input is the query string: PostHog ignores the body (posthog-api.md §1.3).
export const countByPathOperation: INodePropertyOptions = {
	name: 'Count by Path',
	value: 'countByPath',
	action: 'Count items under a path',
	description: 'Count every item below a folder, and list the first 200 of them',
	routing: {
		request: { method: 'POST', url: '/api/projects/{projectId}/file_system/count_by_path/' },
		send: { preSend: [sendWithoutBody] },
	},
};

export const countByPathFields: INodeProperties[] = [
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: showOnlyForCountByPath },
		placeholder: 'e.g. Marketing/Q3',
		description: 'Folder path to count under',
		routing: { send: { type: 'query', property: 'path', preSend: [refuseBlank('path', 'Path')] } },
	},
];
