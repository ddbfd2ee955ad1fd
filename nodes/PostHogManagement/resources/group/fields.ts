import type { INodeProperties } from 'n8n-workflow';
import { propertyNameField } from '../../shared/descriptions';

export function groupTypeIndexField(): INodeProperties {
	return {
		displayName: 'Group Type Name or ID',
		name: 'groupTypeIndex',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getGroupTypes', loadOptionsDependsOn: ['projectId.value'] },
		default: 0,
		required: true,
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'The group types set up in PostHog’s group analytics. An expression must give an index from 0 to 4.',
	};
}

export function groupKeyField(): INodeProperties {
	return {
		displayName: 'Group Key',
		name: 'groupKey',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. acme-inc',
		description:
			'The key that identifies the group within its type, as sent in $groups when capturing events',
	};
}

export function groupPropertyNameField(hint?: string): INodeProperties {
	return propertyNameField({
		placeholder: 'e.g. industry',
		description: 'Name of the group property',
		hint,
	});
}
