import { updateDisplayOptions, type INodePropertyOptions } from 'n8n-workflow';
import { limitField, optionsField, returnAllField } from '../shared/descriptions';
import { typeFilterField } from './fields';

// A plain list, not paginated; `limit` is PostHog's own cap (docs/posthog-api.md §1.4).
export const option: INodePropertyOptions = {
	name: 'Get Many Log Views',
	value: 'getLogViews',
	action: 'Get many recently viewed items',
	description: 'List the items the API key’s user viewed most recently, newest first',
	routing: {
		request: { method: 'GET', url: '/api/projects/{projectId}/file_system/log_view/' },
	},
};

export const toolDescription =
	'List the project-tree items the API key’s user viewed recently, newest first, one item per view (type, ref, viewed_at). Optional filter by type.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['fileSystem'], operation: ['getLogViews'] } },
	[
		returnAllField(),
		limitField({
			send: { type: 'query', property: 'limit' },
			output: { maxResults: '={{$value}}' },
		}),
		typeFilterField(),
		optionsField(),
	],
);
