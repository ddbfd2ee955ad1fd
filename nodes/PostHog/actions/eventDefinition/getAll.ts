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

// Ordered as PostHog's event picker shows them: seen most recently first, then by name
// (docs/posthog-api-part3.md §6).
export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many event definitions',
	description: 'List the events PostHog has seen in the project, most recently seen first',
	routing: {
		request: { method: 'GET', url: '/api/projects/{projectId}/event_definitions/' },
		operations: pagedBy(followOffsetPages),
	},
};

export const toolDescription =
	'List the event names PostHog has seen in the project, most recently seen first, one item per event (name, last_seen_at, created_at). Use it to find the exact event name before querying or filtering on one: names are case-sensitive, and PostHog’s own events start with $ (e.g. $pageview). Optional filters: a text search on the name, and the kind (custom events only, or PostHog’s own only). Use Limit to keep the output small.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['eventDefinition'], operation: ['getAll'] } },
	[
		returnAllField(),
		limitField(),
		filtersField(
			{
				displayName: 'Event Type',
				name: 'eventType',
				type: 'options',
				options: [
					{ name: 'All', value: 'all', description: 'Every event' },
					{
						name: 'Custom',
						value: 'custom',
						description: 'Events your apps capture (names not starting with $)',
					},
					{
						name: 'PostHog',
						value: 'posthog',
						description: 'PostHog’s own events (names starting with $, e.g. $pageview)',
					},
				],
				default: 'all',
				description: 'Only events of this kind',
				// PostHog's names for the kinds (docs/posthog-api-part3.md §6)
				routing: {
					send: {
						type: 'query',
						property: 'event_type',
						value:
							'={{ ({ all: "event", custom: "event_custom", posthog: "event_posthog" })[$value] }}',
					},
				},
			},
			queryFilter({
				displayName: 'Search',
				name: 'search',
				placeholder: 'e.g. signup',
				description: 'Only events whose name contains this text',
			}),
		),
		optionsField(),
	],
);
