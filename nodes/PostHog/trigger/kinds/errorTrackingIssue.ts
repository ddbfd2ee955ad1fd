import { NodeOperationError, type IDataObject } from 'n8n-workflow';
import { textOrNull as text } from './text';
import { eventEntry, linkIn, propertiesOf, type Delivery, type TriggerKind } from './kind';

/** PostHog's error-tracking events, by the choice that subscribes to each (§9.2). */
const ISSUE_EVENTS: Record<string, string> = {
	created: '$error_tracking_issue_created',
	reopened: '$error_tracking_issue_reopened',
	spiking: '$error_tracking_issue_spiking',
};

/**
 * The issue of a delivery. Its ID is the event's distinct ID, or `$exception_issue_id` where the
 * exception data is flattened; the description was renamed `issue_description` on newer
 * servers; the link is built, as the payload has none (docs/posthog-api-part3.md §9.3; docs/instant-trigger.md §2).
 */
function issueOf(delivery: Delivery): IDataObject {
	const properties = propertiesOf(delivery);
	const nested = (properties.exception_props as IDataObject | undefined) ?? {};
	const id =
		text(delivery.event?.distinct_id) ??
		text(properties.$exception_issue_id) ??
		text(nested.$exception_issue_id);
	return {
		id,
		name: text(properties.name),
		description: text(properties.description) ?? text(properties.issue_description),
		status: text(properties.status),
		fingerprint:
			text(properties.fingerprint) ??
			text(properties.$exception_fingerprint) ??
			text(nested.$exception_fingerprint),
		url: id ? linkIn(delivery, `/error_tracking/${encodeURIComponent(id)}`) : null,
	};
}

export const errorTrackingIssueKind: TriggerKind = {
	option: {
		name: 'Error Tracking Issue',
		value: 'errorTrackingIssue',
		description: 'PostHog error tracking creates, reopens or sees a spike in an issue',
	},
	fields: [
		{
			displayName: 'Issue Events',
			name: 'issueEvents',
			type: 'multiOptions',
			options: [
				{ name: 'Created', value: 'created', description: 'A new issue' },
				{ name: 'Reopened', value: 'reopened', description: 'A resolved issue happens again' },
				{ name: 'Spiking', value: 'spiking', description: 'An issue happens far more than usual' },
			],
			default: ['created'],
			description: 'What happening to an issue starts the workflow',
		},
	],
	subscription(context) {
		const chosen = context.getNodeParameter('issueEvents', []) as string[];
		const events = Object.keys(ISSUE_EVENTS).filter((choice) => chosen.includes(choice));
		if (!events.length) {
			throw new NodeOperationError(context.getNode(), 'Issue Events: choose at least one');
		}
		return {
			type: 'internal_destination',
			filters: { events: events.map((choice, order) => eventEntry(ISSUE_EVENTS[choice], order)) },
		};
	},
	summary: { key: 'issue', of: issueOf },
};
