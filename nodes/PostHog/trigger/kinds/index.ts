import type { IHookFunctions, INodeProperties, IWebhookFunctions } from 'n8n-workflow';
import { actionKind } from './action';
import { activityKind } from './activity';
import { errorTrackingIssueKind } from './errorTrackingIssue';
import { eventKind } from './event';
import { insightAlertKind } from './insightAlert';
import type { TriggerKind } from './kind';
import { surveyResponseKind } from './surveyResponse';

export type { Delivery, Subscription, TriggerKind } from './kind';

/** The choices of Trigger On, sorted by name as n8n's dropdowns are. */
const KINDS: TriggerKind[] = [
	actionKind,
	activityKind,
	errorTrackingIssueKind,
	eventKind,
	insightAlertKind,
	surveyResponseKind,
].sort((a, b) => a.option.name.localeCompare(b.option.name));

// `event` is the default: a saved 0.2 workflow has no Trigger On and keeps its behaviour.
const triggerOnField: INodeProperties = {
	displayName: 'Trigger On',
	name: 'triggerOn',
	type: 'options',
	noDataExpression: true,
	options: KINDS.map((kind) => kind.option),
	default: 'event',
	description: 'What in PostHog starts the workflow',
};

/** Trigger On, then each kind's fields, shown for that kind only. */
export const kindFields: INodeProperties[] = [
	triggerOnField,
	...KINDS.flatMap((kind) =>
		kind.fields.map((field) => ({
			...field,
			displayOptions: { show: { triggerOn: [kind.option.value] } },
		})),
	),
];

/** The kind the trigger is set to. */
export function kindOf(context: IHookFunctions | IWebhookFunctions): TriggerKind {
	const value = context.getNodeParameter('triggerOn', eventKind.option.value) as string;
	return KINDS.find((kind) => kind.option.value === value) ?? eventKind;
}
