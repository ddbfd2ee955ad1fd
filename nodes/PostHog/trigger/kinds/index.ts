import type { IHookFunctions, INodeProperties, IWebhookFunctions } from 'n8n-workflow';
import { actionKind } from './action';
import { activityKind } from './activity';
import { errorTrackingIssueKind } from './errorTrackingIssue';
import { eventKind } from './event';
import { insightAlertKind } from './insightAlert';
import type { TriggerKind } from './kind';
import { surveyResponseKind } from './surveyResponse';

export type { Delivery, Subscription, TriggerKind } from './kind';

/** The choices of Listen For, sorted by name as n8n's dropdowns are. */
const KINDS: TriggerKind[] = [
	actionKind,
	activityKind,
	errorTrackingIssueKind,
	eventKind,
	insightAlertKind,
	surveyResponseKind,
].sort((a, b) => a.option.name.localeCompare(b.option.name));

// `event` is the default: a saved 0.2 workflow has no Listen For and keeps its behaviour.
// Stored as `triggerOn`; not displayed as "Trigger On", which would make n8n's nodes panel list
// the trigger as a set of actions without its trigger mark (docs/n8n-notes.md §8).
const triggerOnField: INodeProperties = {
	displayName: 'Listen For',
	name: 'triggerOn',
	type: 'options',
	noDataExpression: true,
	options: KINDS.map((kind) => kind.option),
	default: 'event',
	description: 'What in PostHog starts the workflow',
};

/** Listen For, then each kind's fields, shown for that kind only. */
export const kindFields: INodeProperties[] = [
	triggerOnField,
	...KINDS.flatMap((kind) =>
		kind.fields.map((field) => ({
			...field,
			displayOptions: { show: { triggerOn: [kind.option.value] } },
		})),
	),
];

/**
 * The canvas subtitle: the event names for Event (0.2's subtitle), else what Listen For chose.
 * A 0.2 workflow stores no `triggerOn`, and n8n gives the expression its default.
 */
export function triggerSubtitle(): string {
	const labels = Object.fromEntries(
		KINDS.filter((kind) => kind !== eventKind).map((kind) => [kind.option.value, kind.option.name]),
	);
	return `={{ ${JSON.stringify(labels)}[$parameter["triggerOn"]] || [].concat($parameter["eventNamesFromList"] || [], $parameter["eventNames"] || []).join(", ") }}`;
}

/** The kind the trigger is set to. */
export function kindOf(context: IHookFunctions | IWebhookFunctions): TriggerKind {
	const value = context.getNodeParameter('triggerOn', eventKind.option.value) as string;
	return KINDS.find((kind) => kind.option.value === value) ?? eventKind;
}
