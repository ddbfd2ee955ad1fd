import {
	updateDisplayOptions,
	type DeclarativeRestApiSettings,
	type IExecutePaginationFunctions,
	type INodeExecutionData,
	type INodePropertyOptions,
} from 'n8n-workflow';
import { optionsField } from '../shared/descriptions';
import { sendsOwnRequests } from '../shared/operations';
import { sendFlagWrite } from './errors';
import { featureFlagLocator } from './fields';

async function deleteFlag(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	return await sendFlagWrite(this, requestData);
}

// DELETE is refused with 405: PostHog deletes flags softly, and PostHog refuses it while
// experiments, early-access features or other flags depend on the flag (docs/posthog-api-part2.md §4).
export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a feature flag',
	description: 'Delete a feature flag (PostHog keeps it as deleted; its key can be used again)',
	routing: {
		request: {
			method: 'PATCH',
			url: '/api/projects/{projectId}/feature_flags/{featureFlagId}/',
			body: { deleted: true },
		},
		operations: sendsOwnRequests(deleteFlag),
	},
};

export const toolDescription =
	'Delete a feature flag, by numeric ID or key. Irreversible for the users it served: the flag stops being evaluated at once (PostHog keeps it as deleted; the key can be reused). Put a human review before this in automated workflows.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['featureFlag'], operation: ['delete'] } },
	[featureFlagLocator(), optionsField()],
);
