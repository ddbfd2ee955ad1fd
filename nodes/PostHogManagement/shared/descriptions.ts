import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';
import { throwOnPostHogError } from './errors';
import { responseToItems } from './output';
import { resolvePathParameters } from './path';

/**
 * Shown on every operation, so its routing runs for every request: URL placeholders are filled
 * before sending, every answer passes the error check first, and `paginate` hands each request to
 * the node's `requestOperations.pagination` (the retry rules) or to the operation's own paging.
 * Declared once here so no operation can forget any of them.
 */
export const everyRequest: INodeProperties = {
	displayName: 'Every Request',
	name: 'everyRequest',
	type: 'hidden',
	default: '',
	routing: {
		send: { preSend: [resolvePathParameters], paginate: true },
		output: { postReceive: [throwOnPostHogError, responseToItems] },
	},
};

// Defaults match DEFAULT_RETRY_POLICY (retry.ts), which applies when an option is not added.
export const retryOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
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
			displayName: 'Retry on Rate Limit',
			name: 'retryOnRateLimit',
			type: 'boolean',
			default: true,
			description:
				'Whether to wait as long as PostHog asks and try again when it rate-limits the API key (HTTP 429)',
		},
	],
};

export const projectLocator: INodeProperties = {
	displayName: 'Project',
	name: 'projectId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The PostHog project to work in',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchProjects', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 12345',
			validation: [
				{
					type: 'regex',
					properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'A project ID is a number' },
				},
			],
		},
		{
			displayName: 'By URL',
			name: 'url',
			type: 'string',
			placeholder: 'e.g. https://us.posthog.com/project/12345/insights',
			extractValue: { type: 'regex', regex: '/project/(\\d+)' },
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '.*/project/\\d+.*',
						errorMessage: 'Not a PostHog project URL (…/project/<id>/…)',
					},
				},
			],
		},
	],
};

export function insightLocator(displayOptions: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Insight',
		name: 'insightId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		displayOptions,
		description: 'The insight whose sharing to manage',
		hint: 'A URL is resolved to the insight’s numeric ID with one look-up per execution',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchInsights', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 4821',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'An insight ID is a number' },
					},
				],
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: 'e.g. https://us.posthog.com/project/12345/insights/aB3dE5fG',
				extractValue: { type: 'regex', regex: '/insights/([A-Za-z0-9_-]+)' },
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '.*/project/\\d+/insights/[A-Za-z0-9_-]+.*',
							errorMessage: 'Not a PostHog insight URL (…/project/<id>/insights/<short id>)',
						},
					},
				],
			},
		],
	};
}

export function groupTypeIndexField(displayOptions: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Group Type Name or ID',
		name: 'groupTypeIndex',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getGroupTypes', loadOptionsDependsOn: ['projectId.value'] },
		default: 0,
		required: true,
		displayOptions,
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'The group types set up in PostHog’s group analytics. An expression must give an index from 0 to 4.',
	};
}

export function groupKeyField(displayOptions: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Group Key',
		name: 'groupKey',
		type: 'string',
		default: '',
		required: true,
		displayOptions,
		placeholder: 'e.g. acme-inc',
		description:
			'The key that identifies the group within its type, as sent in $groups when capturing events',
	};
}

export function propertiesField(displayOptions: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Properties',
		name: 'properties',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Property',
		displayOptions,
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

export function returnAllField(displayOptions: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		displayOptions,
		description: 'Whether to return all results or only up to a given limit',
	};
}

export function limitField(
	displayOptions: IDisplayOptions,
	routing: INodeProperties['routing'] = { output: { maxResults: '={{$value}}' } },
): INodeProperties {
	return {
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		displayOptions: { ...displayOptions, show: { ...displayOptions.show, returnAll: [false] } },
		description: 'Max number of results to return',
		routing,
	};
}
