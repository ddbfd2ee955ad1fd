import {
	updateDisplayOptions,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INodePropertyOptions,
} from 'n8n-workflow';
import { invalidParameter } from '../../shared/validation';
import { optionsField, propertiesField } from '../shared/descriptions';
import { readProperties } from '../shared/properties';
import { personLocator } from './fields';
import { outputQueuedChange } from './queued';

/** preSend: all properties in one `{properties: {…}}` body, checked before any look-up. */
async function sendProperties(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const properties = readProperties(this);
	if (properties.length === 0) {
		throw invalidParameter(this, 'Properties', 'add at least one property to set');
	}
	const body = { properties: Object.fromEntries(properties.map(({ key, value }) => [key, value])) };
	return { ...requestOptions, body };
}

// PostHog merges the properties through a `$set` event, so other properties are kept
// (docs/posthog-api-part2.md §3).
export const option: INodePropertyOptions = {
	name: 'Set Properties',
	value: 'setProperties',
	action: 'Set properties of a person',
	description:
		'Set one or more properties on a person in one request. PostHog queues the change: a Get right after may still show the old values.',
	routing: {
		request: { method: 'PATCH', url: '/api/projects/{projectId}/persons/{personId}/' },
		send: { preSend: [sendProperties] },
		output: { postReceive: [outputQueuedChange] },
	},
};

export const toolDescription =
	'Set properties on a person (by UUID, distinct ID or URL) in one request; other properties are kept. PostHog queues the change: the output is {success, queued: true, person}, and a read right after may show the old values.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['person'], operation: ['setProperties'] } },
	[
		personLocator(),
		propertiesField(),
		{
			displayName:
				'PostHog queues the change and answers before applying it: the output is { success, queued, person }, and a Get right after may still show the old values.',
			name: 'setPropertiesNotice',
			type: 'notice',
			default: '',
		},
		optionsField(),
	],
);
