import {
	NodeOperationError,
	type IHookFunctions,
	type INodeProperties,
	type IWebhookFunctions,
} from 'n8n-workflow';
import type { ResourceLocatorValue } from '../../shared/locator';

/**
 * A trigger's picker of one PostHog object: from a list search, or by ID. `optional` pickers
 * left empty mean "every one" (every alert, every survey).
 */
export function pickerField({
	displayName,
	name,
	searchListMethod,
	placeholder,
	description,
	optional = false,
}: {
	displayName: string;
	name: string;
	searchListMethod: string;
	placeholder: string;
	description: string;
	optional?: boolean;
}): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: !optional,
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod, searchable: true },
			},
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder },
		],
	};
}

/** The picked ID, trimmed; '' when an optional picker is empty. */
export function pickedId(context: IHookFunctions | IWebhookFunctions, name: string): string {
	const locator = context.getNodeParameter(name, undefined, {
		extractValue: false,
	}) as ResourceLocatorValue;
	return String(locator?.value ?? '').trim();
}

/** The picked ID of a required picker; empty is refused before any request. */
export function requiredPickedId(context: IHookFunctions, name: string, label: string): string {
	const id = pickedId(context, name);
	if (!id) throw new NodeOperationError(context.getNode(), `${label}: choose one`);
	return id;
}
