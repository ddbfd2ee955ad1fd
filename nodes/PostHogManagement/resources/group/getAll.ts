import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { followCursor } from '../../shared/pagination';
import { sendGroupTypeIndex } from './identity';

const showOnlyForGetAll = { show: { resource: ['group'], operation: ['getAll'] } };

// Always paginated: PostHog pages groups by cursor, 100 at a time, and takes no limit (posthog-api.md §2.1).
export const getAllOperation: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many groups',
	description: 'List the groups of one type',
	routing: {
		request: { method: 'GET', url: '/api/projects/{projectId}/groups/' },
		send: { preSend: [sendGroupTypeIndex], paginate: true },
		operations: { pagination: followCursor },
	},
};

export const getAllFields: INodeProperties[] = [
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: showOnlyForGetAll,
		options: [
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				placeholder: 'e.g. acme',
				description:
					'Only groups whose name or properties contain this text, or whose key is exactly this text',
				routing: { send: { type: 'query', property: 'search' } },
			},
		],
	},
];
