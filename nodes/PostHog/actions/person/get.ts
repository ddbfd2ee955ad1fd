import { updateDisplayOptions, type INodePropertyOptions } from 'n8n-workflow';
import { optionsField } from '../shared/descriptions';
import { personLocator } from './fields';

// Get returns `id` as the integer pk, the list as the UUID (docs/posthog-api-part2.md §3).
export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a person',
	description:
		'Get one person with their properties and distinct IDs. Chain its uuid: the ID is a number here but a UUID in lists.',
	routing: {
		request: { method: 'GET', url: '/api/projects/{projectId}/persons/{personId}/' },
	},
};

export const toolDescription =
	'Get one person, by UUID, distinct ID (e.g. the email or user ID your app identifies them with) or URL: id (a number here), uuid, distinct_ids, properties, created_at.';

export const fields = updateDisplayOptions({ show: { resource: ['person'], operation: ['get'] } }, [
	personLocator(),
	optionsField(),
]);
