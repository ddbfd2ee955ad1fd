import {
	NodeOperationError,
	updateDisplayOptions,
	type DeclarativeRestApiSettings,
	type IDataObject,
	type IExecutePaginationFunctions,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INodeExecutionData,
	type INodePropertyOptions,
} from 'n8n-workflow';
import { sendRoutedRequest } from '../../transport/request';
import { optionsField, updateFieldsField, updateFieldsOf } from '../shared/descriptions';
import { sendsOwnRequests } from '../shared/operations';
import { sendFlagWrite } from './errors';
import { checkRollout, featureFlagLocator, flagSettingFields } from './fields';

type UpdateFields = { active?: boolean; description?: string; rolloutPercentage?: unknown };

/** preSend: at least one field, and a valid percentage, before the flag is looked up. */
async function checkUpdateFields(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const fields = updateFieldsOf<UpdateFields>(this);
	if ('rolloutPercentage' in fields) checkRollout(this, fields.rolloutPercentage);
	return requestOptions;
}

/**
 * The flag's release conditions, each with the new percentage and everything else kept (its
 * properties, variant, group type). PostHog replaces `filters.groups` as a whole on PATCH and
 * keeps the other keys of `filters` (docs/posthog-api-part2.md §4), so the flag is read first.
 */
async function releaseConditionsAt(
	context: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	rollout_percentage: number,
): Promise<IDataObject[]> {
	const options = { ...requestData.options, method: 'GET' as const };
	delete options.body;
	const [flag] = await sendRoutedRequest.call(context, { ...requestData, options });
	const filters = (flag?.json.filters ?? {}) as IDataObject;
	const groups = Array.isArray(filters.groups) ? (filters.groups as IDataObject[]) : [];
	if (groups.length === 0) {
		throw new NodeOperationError(
			context.getNode(),
			'Rollout Percentage: the flag has no release conditions to set it on',
			{
				itemIndex: context.getItemIndex(),
				description: 'Add a release condition to the flag in PostHog first; nothing was changed.',
			},
		);
	}
	return groups.map((group) => ({ ...group, rollout_percentage }));
}

async function updateFlag(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const fields = this.getNodeParameter('updateFields', {}) as UpdateFields;
	const body: IDataObject = {};
	if ('active' in fields) body.active = fields.active;
	if ('description' in fields) body.name = fields.description;
	if ('rolloutPercentage' in fields) {
		const rollout = checkRollout(this, fields.rolloutPercentage);
		body.filters = { groups: await releaseConditionsAt(this, requestData, rollout) };
	}
	return await sendFlagWrite(this, { ...requestData, options: { ...requestData.options, body } });
}

export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update a feature flag',
	description: 'Switch a feature flag on or off, change its description or its rollout percentage',
	routing: {
		request: { method: 'PATCH', url: '/api/projects/{projectId}/feature_flags/{featureFlagId}/' },
		send: { preSend: [checkUpdateFields] },
		operations: sendsOwnRequests(updateFlag),
	},
};

export const toolDescription =
	'Update a feature flag, by numeric ID or key: only the fields given change. Active (on/off), Description, Rollout Percentage (0 to 100, set on every release condition; the flag is read first). Changes who sees a feature at once: put a human review before it in automated workflows.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['featureFlag'], operation: ['update'] } },
	[
		featureFlagLocator(),
		updateFieldsField(
			...flagSettingFields({
				active: 'Whether the flag is switched on',
				rollout: 'Share of users the flag is on for, from 0 to 100. Starts empty: enter it.',
				rolloutDefault: '',
				rolloutHint:
					'Set on every release condition of the flag; their property filters stay as they are. Costs one extra request to read the flag.',
			}),
		),
		optionsField(),
	],
);
