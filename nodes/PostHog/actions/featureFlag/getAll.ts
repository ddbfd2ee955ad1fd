import { updateDisplayOptions, type INodePropertyOptions } from 'n8n-workflow';
import {
	filtersField,
	limitField,
	optionsField,
	queryFilter,
	returnAllField,
} from '../shared/descriptions';
import { pagedBy } from '../shared/operations';
import { followOffsetPages } from '../shared/pagination';

// Deleted, archived and internal (survey) flags are not listed; each list call made with a
// personal API key counts as a local-evaluation request in PostHog (docs/posthog-api-part2.md §4).
export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many feature flags',
	description: 'List the project’s feature flags, newest first',
	routing: {
		request: { method: 'GET', url: '/api/projects/{projectId}/feature_flags/' },
		operations: pagedBy(followOffsetPages),
	},
};

export const toolDescription =
	'List feature flags, newest first, one item per flag (id, key, name, active, filters). Optional filters: a text search on key and description, active true/false or STALE. Use Limit to keep the output small.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['featureFlag'], operation: ['getAll'] } },
	[
		returnAllField(),
		limitField(),
		filtersField(
			{
				displayName: 'Active',
				name: 'active',
				type: 'options',
				options: [
					{ name: 'Active', value: 'true', description: 'Flags that are switched on' },
					{ name: 'Inactive', value: 'false', description: 'Flags that are switched off' },
					{
						name: 'Stale',
						value: 'STALE',
						description:
							'Switched-on flags not evaluated for 30 days, or never evaluated and fully rolled out for 30 days',
					},
				],
				default: 'true',
				description: 'Only flags in this state',
				routing: { send: { type: 'query', property: 'active' } },
			},
			queryFilter({
				displayName: 'Search',
				name: 'search',
				placeholder: 'e.g. checkout',
				description: 'Only flags whose key or description contains this text (case-insensitive)',
			}),
		),
		optionsField(),
	],
);
