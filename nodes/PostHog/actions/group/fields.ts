import type { INodeProperties } from 'n8n-workflow';
import { propertyNameField } from '../shared/descriptions';

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
