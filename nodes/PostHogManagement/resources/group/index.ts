import type { INodeProperties } from 'n8n-workflow';
import {
	groupKeyField,
	groupTypeIndexField,
	limitField,
	propertiesField,
	returnAllField,
} from '../../shared/descriptions';
import { refuseBlank } from '../../shared/validation';
import { createOperation } from './create';
import { deletePropertyOperation } from './deleteProperty';
import { findOperation } from './find';
import { getActivityOperation } from './getActivity';
import { getAllFields, getAllOperation } from './getAll';
import { getPropertyDefinitionsOperation } from './getPropertyDefinitions';
import { getPropertyValuesFields, getPropertyValuesOperation } from './getPropertyValues';
import { getRelatedOperation, personIdField, relatedToField } from './getRelated';
import { updatePropertyOperation } from './updateProperty';

const showOnlyForGroups = { resource: ['group'] };
const showForLists = { show: { ...showOnlyForGroups, operation: ['getActivity', 'getAll'] } };

function showFor(operations: string[]) {
	// getRelated about a person names no group, so it hides the group fields.
	return { show: { ...showOnlyForGroups, operation: operations }, hide: { relatedTo: ['person'] } };
}

export const groupOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: showOnlyForGroups },
	options: [
		createOperation,
		deletePropertyOperation,
		findOperation,
		getActivityOperation,
		getAllOperation,
		getPropertyDefinitionsOperation,
		getPropertyValuesOperation,
		getRelatedOperation,
		updatePropertyOperation,
	],
	default: 'getAll',
};

export const groupFields: INodeProperties[] = [
	relatedToField,
	groupTypeIndexField(
		showFor([
			'create',
			'deleteProperty',
			'find',
			'getActivity',
			'getAll',
			'getPropertyValues',
			'getRelated',
			'updateProperty',
		]),
	),
	groupKeyField(
		showFor(['create', 'deleteProperty', 'find', 'getActivity', 'getRelated', 'updateProperty']),
	),
	personIdField,
	{
		displayName: 'Property Name',
		name: 'propertyName',
		type: 'string',
		default: '',
		required: true,
		displayOptions: {
			show: { ...showOnlyForGroups, operation: ['deleteProperty', 'getPropertyValues'] },
		},
		placeholder: 'e.g. industry',
		description: 'Name of the group property',
		hint: 'Delete Property fails if the group has no property of this name',
		routing: { send: { preSend: [refuseBlank('propertyName', 'Property Name')] } },
	},
	propertiesField({ show: { ...showOnlyForGroups, operation: ['create', 'updateProperty'] } }),
	// Both lists page through PostHog (cursor or page numbers) until Limit or the end.
	returnAllField(showForLists),
	limitField(showForLists),
	...getAllFields,
	...getPropertyValuesFields,
];
