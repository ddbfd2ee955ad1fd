import { NodeOperationError, type IHookFunctions, type INodeProperties } from 'n8n-workflow';
import { projectField } from '../shared/project';

const eventNamesField: INodeProperties = {
	displayName: 'Event Names',
	name: 'eventNames',
	type: 'string',
	typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Event' },
	default: [],
	required: true,
	placeholder: 'e.g. signup_failed',
	description:
		'The events PostHog sends to this workflow, by name as captured (e.g. signup_failed, $pageview)',
	hint: 'PostHog counts each delivered event toward its data-pipeline (destinations) billing',
};

const reachNotice: INodeProperties = {
	displayName:
		'On activation this node creates a webhook destination in PostHog, which must reach this n8n over public HTTPS (not localhost). Deactivating the workflow deletes the destination.',
	name: 'reachNotice',
	type: 'notice',
	default: '',
};

export const triggerFields: INodeProperties[] = [projectField, eventNamesField, reachNotice];

/**
 * The event names, trimmed, each once. None is refused: a destination without an event filter
 * gets (and bills) every event of the project (docs/posthog-api-part2.md §10.3, §11).
 */
export function eventNamesOf(context: IHookFunctions): string[] {
	const raw = context.getNodeParameter('eventNames', []) as unknown;
	const values = Array.isArray(raw) ? raw : [raw];
	const names = [...new Set(values.map((name) => String(name ?? '').trim()).filter(Boolean))];
	if (!names.length) {
		throw new NodeOperationError(context.getNode(), 'Event Names: add at least one event', {
			description:
				'Without an event name PostHog would send every event of the project to n8n, and bill each one.',
		});
	}
	return names;
}
