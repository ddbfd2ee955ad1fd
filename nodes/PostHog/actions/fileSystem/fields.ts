import type { INodeProperties } from 'n8n-workflow';
import { fillPlaceholder } from '../../shared/placeholder';
import { refuseBlank, requireUuid } from '../../shared/validation';
import { filtersField, queryFilter } from '../shared/descriptions';

const fillFileId = fillPlaceholder('fileId', (context) =>
	requireUuid(context, 'fileId', 'File ID', 'file system entry'),
);
const refusesBlankNewPath = refuseBlank('newPath', 'New Path');

/** File ID; it fills the `{fileId}` of the operation's URL. */
export function fileIdField(): INodeProperties {
	return {
		displayName: 'File ID',
		name: 'fileId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 0190a3c2-7d41-7c3e-9f5e-3b1f2a4c5d6e',
		description: 'UUID of the file system entry (the "ID" of an item in the project tree)',
		routing: { send: { preSend: [fillFileId] } },
	};
}

export function newPathField(): INodeProperties {
	return {
		displayName: 'New Path',
		name: 'newPath',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Marketing/Q3/Signup funnel',
		description: 'Full path for the item (Move) or the new shortcut (Link), including its own name',
		hint: 'Give the whole path with the name, not only the target folder. Write a / inside a name as \\/. Missing parent folders are created.',
		routing: { send: { type: 'body', property: 'new_path', preSend: [refusesBlankNewPath] } },
	};
}

/** Filters → Type, sent as `?type=`. */
export function typeFilterField(): INodeProperties {
	return filtersField(
		queryFilter({
			displayName: 'Type',
			name: 'type',
			placeholder: 'e.g. insight',
			description: 'Only items of this type (insight, dashboard, feature_flag, …)',
			hint: 'An unknown type is not an error: it matches nothing',
		}),
	);
}
