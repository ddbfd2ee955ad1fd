import type { INodeProperties } from 'n8n-workflow';
import { insightLocator } from '../../shared/descriptions';
import { createPasswordFields, createPasswordOperation } from './createPassword';
import { deletePasswordFields, deletePasswordOperation } from './deletePassword';
import { getOperation } from './get';
import { refreshOperation } from './refresh';

const showOnlyForInsightSharing = { resource: ['insightSharing'] };

export const insightSharingOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: showOnlyForInsightSharing },
	options: [createPasswordOperation, deletePasswordOperation, getOperation, refreshOperation],
	default: 'get',
};

export const insightSharingFields: INodeProperties[] = [
	insightLocator({ show: showOnlyForInsightSharing }),
	...createPasswordFields,
	...deletePasswordFields,
];
