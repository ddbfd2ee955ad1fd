import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INodePropertyOptions,
} from 'n8n-workflow';
import { readDateTime } from '../shared/dates';
import { additionalFieldsField, optionsField } from '../shared/descriptions';

/** preSend: Viewed At in UTC; a time without a zone is read in the workflow's time zone. */
async function sendViewedAt(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const viewedAt = readDateTime(this, 'additionalFields.viewedAt', 'Viewed At');
	if (viewedAt === undefined) return requestOptions;
	const body = { ...(requestOptions.body as IDataObject), viewed_at: viewedAt };
	return { ...requestOptions, body };
}

export const option: INodePropertyOptions = {
	name: 'Log View',
	value: 'logView',
	action: 'Record that an item was viewed',
	description: 'Record a view of an item for the API key’s user, as shown in “Recent” in PostHog',
	routing: {
		request: { method: 'POST', url: '/api/projects/{projectId}/file_system/log_view/' },
	},
};

export const toolDescription =
	'Record that the API key’s user viewed an item (type and ref, e.g. insight and its short ID), as shown in Recent in PostHog. Viewed At is ISO 8601, default now.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['fileSystem'], operation: ['logView'] } },
	[
		{
			displayName: 'Type',
			name: 'type',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. insight',
			description: 'Type of the viewed item (insight, dashboard, feature_flag, …)',
			routing: { send: { type: 'body', property: 'type' } },
		},
		{
			displayName: 'Ref',
			name: 'ref',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. aB3dE5fG',
			description: 'ID of the viewed item as PostHog stores it; for insights this is the short ID',
			routing: { send: { type: 'body', property: 'ref' } },
		},
		additionalFieldsField({
			displayName: 'Viewed At',
			name: 'viewedAt',
			type: 'dateTime',
			default: '',
			description: 'When the item was viewed; defaults to now',
			routing: { send: { preSend: [sendViewedAt] } },
		}),
		optionsField(),
	],
);
