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

// Pinned first, then by name; older servers ignore `search` (docs/posthog-api-part3.md §5).
export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many dashboards',
	description: 'List the project’s dashboards, pinned ones first',
	routing: {
		request: { method: 'GET', url: '/api/projects/{projectId}/dashboards/' },
		operations: pagedBy(followOffsetPages),
	},
};

export const toolDescription =
	'List the project’s dashboards, pinned first then by name, one item per dashboard: id, name, description, pinned, tags, created_at. Optional: a text search on name, description and tags. Use Limit to keep the output small.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['dashboard'], operation: ['getAll'] } },
	[
		returnAllField(),
		limitField(),
		filtersField(
			queryFilter({
				displayName: 'Search',
				name: 'search',
				placeholder: 'e.g. weekly',
				description: 'Only dashboards whose name, description or tags contain this text',
			}),
		),
		optionsField(),
	],
);
