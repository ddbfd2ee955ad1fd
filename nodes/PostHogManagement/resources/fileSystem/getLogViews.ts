import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { limitField, returnAllField } from '../../shared/descriptions';

const showOnlyForGetLogViews = { show: { resource: ['fileSystem'], operation: ['getLogViews'] } };

// A plain list, not paginated; `limit` is PostHog's own cap (posthog-api.md §1.4).
export const getLogViewsOperation: INodePropertyOptions = {
	name: 'Get Many Log Views',
	value: 'getLogViews',
	action: 'Get many recently viewed items',
	description: 'List the items the API key’s user viewed most recently, newest first',
	routing: {
		request: { method: 'GET', url: '/api/projects/{projectId}/file_system/log_view/' },
	},
};

export const getLogViewsFields: INodeProperties[] = [
	returnAllField(showOnlyForGetLogViews),
	limitField(showOnlyForGetLogViews, {
		send: { type: 'query', property: 'limit' },
		output: { maxResults: '={{$value}}' },
	}),
];
