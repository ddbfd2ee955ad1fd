import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';
import { pickerField } from '../../shared/locator';
import type { PreSend } from '../../shared/placeholder';
import { invalidParameter, refuseBlank } from '../../shared/validation';

// Defaults match DEFAULT_REQUEST_POLICY (requestPolicy.ts), which applies when an option is not added.
const requestOptions: INodeProperties[] = [
	{
		displayName: 'Max Attempts',
		name: 'maxAttempts',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 20 },
		default: 5,
		description:
			'The most times one request is sent, the first included, when PostHog rate-limits it or a read fails with a server or connection error',
	},
	{
		displayName: 'Max Wait (Seconds)',
		name: 'maxWaitSeconds',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 300,
		description:
			'The longest the node waits in total before retrying one request. If PostHog asks for a longer wait, the node fails at once and says how long PostHog asked for.',
	},
	{
		displayName: 'Requests per Minute',
		name: 'requestsPerMinute',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description:
			'The most requests a minute this node sends with the API key, across all its items and runs in this n8n process. 0 paces each endpoint to PostHog Cloud’s limits (480 a minute for most, 240 for persons and insights, 120 an hour for HogQL queries).',
		hint: 'Set this when your self-hosted PostHog has other limits',
	},
	{
		displayName: 'Retry on Rate Limit',
		name: 'retryOnRateLimit',
		type: 'boolean',
		default: true,
		description:
			'Whether to wait as long as PostHog asks and try again when it rate-limits the API key (HTTP 429)',
	},
];

/**
 * Options, declared by every operation: retries and pacing, plus the operation's own (n8n keeps
 * one parameter per name, so an operation's options must join this collection).
 */
export function optionsField(...own: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...requestOptions, ...own].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

export function propertiesField(): INodeProperties {
	return {
		displayName: 'Properties',
		name: 'properties',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Property',
		hint: 'Values written as JSON (numbers, true/false, {…}, […]) are stored as JSON; other text is stored as a string',
		options: [
			{
				displayName: 'Property',
				name: 'property',
				values: [
					{
						displayName: 'Key',
						name: 'key',
						type: 'string',
						default: '',
						placeholder: 'e.g. industry',
						description: 'Name of the group property',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: 'e.g. SaaS',
						description: 'Value to store. JSON text is stored as JSON; 007 stays the text "007".',
					},
				],
			},
		],
	};
}

export function returnAllField(): INodeProperties {
	return {
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	};
}

/** Limit, shown while Return All is off; by default it caps the output (n8n's maxResults). */
export function limitField(
	routing: INodeProperties['routing'] = { output: { maxResults: '={{$value}}' } },
): INodeProperties {
	return {
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		displayOptions: { show: { returnAll: [false] } },
		description: 'Max number of results to return',
		routing,
	};
}

/** A collection of optional parameters, its options in n8n's alphabetical order. */
function collectionField(
	displayName: string,
	name: string,
	placeholder: string,
	options: INodeProperties[],
): INodeProperties {
	return {
		displayName,
		name,
		type: 'collection',
		placeholder,
		default: {},
		options: [...options].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

/** Filters of a list operation; `queryFilter` makes the ones sent as a query parameter. */
export function filtersField(...filters: INodeProperties[]): INodeProperties {
	return collectionField('Filters', 'filters', 'Add Filter', filters);
}

export function additionalFieldsField(...fields: INodeProperties[]): INodeProperties {
	return collectionField('Additional Fields', 'additionalFields', 'Add Field', fields);
}

export function updateFieldsField(...fields: INodeProperties[]): INodeProperties {
	return collectionField('Update Fields', 'updateFields', 'Add Field', fields);
}

/** The fields added under Update Fields; none added is refused before any request. */
export function updateFieldsOf<T extends object>(context: IExecuteSingleFunctions): T {
	const fields = context.getNodeParameter('updateFields', {}) as T;
	if (Object.keys(fields).length === 0)
		throw invalidParameter(context, 'Update Fields', 'add at least one field to change');
	return fields;
}

/** A text filter sent as a query parameter (the filter's own name unless told). */
export function queryFilter({
	displayName,
	name,
	query = name,
	placeholder,
	description,
	hint,
}: {
	displayName: string;
	name: string;
	query?: string;
	placeholder: string;
	description: string;
	hint?: string;
}): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		default: '',
		placeholder,
		description,
		...(hint ? { hint } : {}),
		routing: { send: { type: 'query', property: query } },
	};
}

// One hook for every copy of the field, so identical copies merge (shared/mergeFields.ts).
const refusesBlankPropertyName = refuseBlank('propertyName', 'Property Name');

/** Property Name, refused when blank before any request. */
export function propertyNameField({
	placeholder,
	description,
	hint,
}: {
	placeholder: string;
	description: string;
	hint?: string;
}): INodeProperties {
	return {
		displayName: 'Property Name',
		name: 'propertyName',
		type: 'string',
		default: '',
		required: true,
		placeholder,
		description,
		...(hint ? { hint } : {}),
		routing: { send: { preSend: [refusesBlankPropertyName] } },
	};
}

/**
 * A required resource locator that fills its `{name}` placeholder of operation URLs with
 * `fill`: From List (the `search` list method), By ID, and By URL where PostHog has one.
 */
export function locatorField({
	fill,
	...picker
}: Omit<Parameters<typeof pickerField>[0], 'optional'> & { fill: PreSend }): INodeProperties {
	return { ...pickerField(picker), routing: { send: { preSend: [fill] } } };
}
