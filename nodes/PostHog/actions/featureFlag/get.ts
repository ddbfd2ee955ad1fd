import { updateDisplayOptions, type INodePropertyOptions } from 'n8n-workflow';
import { optionsField } from '../shared/descriptions';
import { featureFlagLocator } from './fields';

// Soft-deleted flags stay retrievable by ID, with `deleted: true` (docs/posthog-api-part2.md §4).
export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a feature flag',
	description: 'Get one feature flag with its release conditions',
	routing: {
		request: { method: 'GET', url: '/api/projects/{projectId}/feature_flags/{featureFlagId}/' },
	},
};

export const toolDescription =
	'Get one feature flag, by numeric ID or key: key, name (its description), active, and its release conditions (filters.groups, each with a rollout_percentage).';

export const fields = updateDisplayOptions(
	{ show: { resource: ['featureFlag'], operation: ['get'] } },
	[featureFlagLocator(), optionsField()],
);
