import type { INodeProperties } from 'n8n-workflow';
import { hogQlField } from '../shared/hogql';

export function hogQlInsightField(required: boolean): INodeProperties {
	return hogQlField({
		displayName: 'HogQL',
		name: 'hogQl',
		...(required ? { required } : {}),
		hint: 'Saved as a SQL insight (a table or chart of the query’s rows)',
	});
}

export function insightNameField(): INodeProperties {
	return {
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		placeholder: 'e.g. Weekly signups',
		description: 'Name of the insight, as listed in PostHog',
	};
}

export function insightDescriptionField(): INodeProperties {
	return {
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		placeholder: 'e.g. Signups per week, from the signed_up event',
		description: 'Description shown under the insight’s name',
	};
}
