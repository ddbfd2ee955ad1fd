import {
	updateDisplayOptions,
	type DeclarativeRestApiSettings,
	type IExecutePaginationFunctions,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INodeExecutionData,
	type INodePropertyOptions,
} from 'n8n-workflow';
import { requireText } from '../../shared/validation';
import { additionalFieldsField, optionsField } from '../shared/descriptions';
import { sendsOwnRequests } from '../shared/operations';
import { sendFlagWrite } from './errors';
import { checkFlagKey, checkRollout, flagSettingFields } from './fields';

/** A new flag is on for everyone unless a Rollout Percentage is given. */
const EVERYONE = 100;

type CreateFields = { description?: string; active?: boolean; rolloutPercentage?: unknown };

/**
 * preSend: the new flag with one release condition for everyone at the rollout percentage.
 * `name` is PostHog's field for the description, and PostHog is rolling out a refusal of flags
 * without release conditions (docs/posthog-api-part2.md §4).
 */
async function sendNewFlag(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const key = checkFlagKey(this, requireText(this, 'key', 'Key').trim(), 'Key');
	const fields = this.getNodeParameter('additionalFields', {}) as CreateFields;
	const rollout_percentage = checkRollout(this, fields.rolloutPercentage ?? EVERYONE);
	return {
		...requestOptions,
		body: {
			key,
			name: fields.description ?? '',
			active: fields.active ?? true,
			filters: { groups: [{ properties: [], rollout_percentage }] },
		},
	};
}

async function createFlag(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	return await sendFlagWrite(this, requestData, String(this.getNodeParameter('key', '')).trim());
}

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a feature flag',
	description: 'Create a feature flag that is on for a percentage of all users',
	routing: {
		request: { method: 'POST', url: '/api/projects/{projectId}/feature_flags/' },
		send: { preSend: [sendNewFlag] },
		operations: sendsOwnRequests(createFlag),
	},
};

export const toolDescription =
	'Create a feature flag with a unique key (letters, digits, - and _ only) that is on for a percentage (0 to 100) of all users. Returns the flag (id, key, active, filters). Fails if the key is taken in the project.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['featureFlag'], operation: ['create'] } },
	[
		{
			displayName: 'Key',
			name: 'key',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. new-checkout',
			description:
				'The key your code checks the flag by. Letters, numbers, hyphens (-) and underscores (_) only.',
			hint: 'Unique in the project; the key of a deleted flag can be used again',
		},
		additionalFieldsField(
			...flagSettingFields({
				active: 'Whether the flag is switched on. On by default.',
				rollout: 'Share of all users the flag is on for, from 0 to 100. 100 by default.',
				rolloutDefault: EVERYONE,
			}),
		),
		optionsField(),
	],
);
