import { NodeOperationError, type IHookFunctions, type INodeProperties } from 'n8n-workflow';
import { eventEntry, type TriggerKind } from './kind';

// Picked from the events PostHog has seen (its event definitions), as PostHog's own event picker
// offers them. Event Names stays free text, for events PostHog has not seen yet; a saved 0.2
// workflow has only that one.
const pickedEventsField: INodeProperties = {
	displayName: 'Seen Event Names or IDs',
	name: 'eventNamesFromList',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getEventNames', loadOptionsDependsOn: ['projectId.value'] },
	default: [],
	description:
		'The events PostHog has seen in the project, most recently seen first. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

const eventNamesField: INodeProperties = {
	displayName: 'Event Names',
	name: 'eventNames',
	type: 'string',
	typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Event' },
	default: [],
	placeholder: 'e.g. signup_failed',
	description:
		'More events by name as captured (e.g. signup_failed, $pageview), for events PostHog has not seen yet',
	hint: 'PostHog counts each delivered event toward its data-pipeline (destinations) billing',
};

const namesIn = (raw: unknown): unknown[] => (Array.isArray(raw) ? raw : [raw]);

/**
 * The event names of both fields, trimmed, each once. None at all is refused: a destination
 * without an event filter gets (and bills) every event of the project
 * (docs/posthog-api-part2.md §10.3, §11).
 */
export function eventNamesOf(context: IHookFunctions): string[] {
	const values = [
		...namesIn(context.getNodeParameter('eventNamesFromList', [])),
		...namesIn(context.getNodeParameter('eventNames', [])),
	];
	const names = [...new Set(values.map((name) => String(name ?? '').trim()).filter(Boolean))];
	if (!names.length) {
		throw new NodeOperationError(context.getNode(), 'Event Names: add at least one event', {
			description:
				'Without an event name PostHog would send every event of the project to n8n, and bill each one.',
		});
	}
	return names;
}

export const eventKind: TriggerKind = {
	option: {
		name: 'Event',
		value: 'event',
		description: 'An event your apps captured, such as signup_failed',
	},
	fields: [pickedEventsField, eventNamesField],
	subscription: (context) => ({
		type: 'destination',
		filters: { events: eventNamesOf(context).map((name, order) => eventEntry(name, order)) },
	}),
};
