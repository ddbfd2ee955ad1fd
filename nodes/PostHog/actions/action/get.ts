import { updateDisplayOptions, type INodePropertyOptions } from 'n8n-workflow';
import { optionsField } from '../shared/descriptions';
import { actionLocator } from './fields';

// Deleted actions stay retrievable, with `deleted: true` (docs/posthog-api-part3.md §2).
export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get an action',
	description: 'Get one action with the events (steps) it matches',
	routing: {
		request: { method: 'GET', url: '/api/projects/{projectId}/actions/{actionId}/' },
	},
};

export const toolDescription =
	'Get one action by its numeric ID: name, description, tags and steps (each step matches an event by name, and optionally its properties, URL or element; steps are ORed).';

export const fields = updateDisplayOptions({ show: { resource: ['action'], operation: ['get'] } }, [
	actionLocator(),
	optionsField(),
]);
