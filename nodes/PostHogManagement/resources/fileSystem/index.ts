import type { INodeProperties } from 'n8n-workflow';
import { refuseBlank } from '../../shared/validation';
import { countByPathFields, countByPathOperation } from './countByPath';
import { fileUnfiledOperation } from './fileUnfiled';
import { getLogViewsFields, getLogViewsOperation } from './getLogViews';
import { linkOperation } from './link';
import { logViewFields, logViewOperation } from './logView';
import { moveOperation } from './move';
import { undoDeleteFields, undoDeleteOperation } from './undoDelete';

const showOnlyForFileSystem = { resource: ['fileSystem'] };
const showForLinkAndMove = { show: { ...showOnlyForFileSystem, operation: ['link', 'move'] } };

export const fileSystemOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: showOnlyForFileSystem },
	options: [
		countByPathOperation,
		fileUnfiledOperation,
		getLogViewsOperation,
		linkOperation,
		logViewOperation,
		moveOperation,
		undoDeleteOperation,
	],
	default: 'move',
};

export const fileSystemFields: INodeProperties[] = [
	{
		displayName: 'File ID',
		name: 'fileId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: showForLinkAndMove,
		placeholder: 'e.g. 0190a3c2-7d41-7c3e-9f5e-3b1f2a4c5d6e',
		description: 'UUID of the file system entry (the "ID" of an item in the project tree)',
	},
	{
		displayName: 'New Path',
		name: 'newPath',
		type: 'string',
		default: '',
		required: true,
		displayOptions: showForLinkAndMove,
		placeholder: 'e.g. Marketing/Q3/Signup funnel',
		description: 'Full path for the item (Move) or the new shortcut (Link), including its own name',
		hint: 'Give the whole path with the name, not only the target folder. Write a / inside a name as \\/. Missing parent folders are created.',
		routing: {
			send: {
				type: 'body',
				property: 'new_path',
				preSend: [refuseBlank('newPath', 'New Path')],
			},
		},
	},
	...countByPathFields,
	...getLogViewsFields,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: {
			show: { ...showOnlyForFileSystem, operation: ['fileUnfiled', 'getLogViews'] },
		},
		options: [
			{
				displayName: 'Type',
				name: 'type',
				type: 'string',
				default: '',
				placeholder: 'e.g. insight',
				description: 'Only items of this type (insight, dashboard, feature_flag, …)',
				hint: 'An unknown type is not an error: it matches nothing',
				routing: { send: { type: 'query', property: 'type' } },
			},
		],
	},
	...logViewFields,
	...undoDeleteFields,
];
