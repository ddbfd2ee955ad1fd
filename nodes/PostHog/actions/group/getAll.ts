import { updateDisplayOptions, type INodePropertyOptions } from 'n8n-workflow';
import { groupTypeIndexField } from '../../shared/groupType';
import {
	filtersField,
	limitField,
	optionsField,
	queryFilter,
	returnAllField,
} from '../shared/descriptions';
import { pagedBy } from '../shared/operations';
import { followCursor } from '../shared/pagination';
import { sendGroupTypeIndex } from './identity';

// PostHog pages groups by cursor, 100 at a time, and takes no limit (docs/posthog-api.md §2.1).
export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many groups',
	description: 'List the groups of one type',
	routing: {
		request: { method: 'GET', url: '/api/projects/{projectId}/groups/' },
		send: { preSend: [sendGroupTypeIndex] },
		operations: pagedBy(followCursor),
	},
};

export const toolDescription =
	'List the groups of one group type index (0 to 4), newest first, one item per group (group_key, group_properties, created_at). Optional text search. Use Limit to keep the output small.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['group'], operation: ['getAll'] } },
	[
		groupTypeIndexField(),
		returnAllField(),
		limitField(),
		filtersField(
			queryFilter({
				displayName: 'Search',
				name: 'search',
				placeholder: 'e.g. acme',
				description:
					'Only groups whose name or properties contain this text, or whose key is exactly this text',
			}),
		),
		optionsField(),
	],
);
