import {
	NodeApiError,
	NodeOperationError,
	type IHookFunctions,
	type JsonObject,
} from 'n8n-workflow';
import { errorBodyOf } from '../transport/errors';
import { errorCode } from '../transport/retry';

const FALLBACK = 'The PostHog Poll Trigger works without destinations, by polling.';
const EVENT_FALLBACK =
	'Listen For “Event” (events your apps capture) works on this PostHog version.';
const SCOPES_PAGE = 'In PostHog, Settings → Personal API keys';

/**
 * PostHog's refusals of what activation sends (`GET`/`POST`/`PATCH hog_functions/`) in words a
 * user can act on (docs/posthog-api-part2.md §10.1, §10.3; docs/posthog-api-part3.md §9.1).
 */
const EXPLAINED: Array<{
	status: string;
	detail: RegExp;
	attr?: string;
	message: string;
	description: string | ((detail: string) => string);
}> = [
	{
		// Older PostHog kept hog functions internal: `scope_object = "INTERNAL"`.
		status: '403',
		detail: /does not support personal api key access/i,
		message:
			'This PostHog version does not let API keys create destinations, which this trigger needs',
		description: `PostHog answered: “This action does not support Personal API Key access”. Newer PostHog versions allow it (self-hosted: upgrade PostHog). ${FALLBACK}`,
	},
	{
		// PostHog versions that gated destinations behind the Data Pipelines add-on.
		status: '400',
		detail: /data pipelines addon is required/i,
		message:
			'Your PostHog plan lacks the Data Pipelines add-on, which this PostHog version needs for webhook destinations',
		description: `Add the Data Pipelines add-on to the organization in PostHog (Billing), then activate the workflow again. ${FALLBACK}`,
	},
	{
		// A server whose hog functions have no internal destinations (docs/posthog-api-part3.md §9.1).
		status: '400',
		detail: /internal_destination.*not a valid choice/i,
		message:
			'This PostHog version cannot send its own signals (error tracking, alerts, activity) to a webhook',
		description: `PostHog answered that “internal_destination” is not a valid destination type. Newer PostHog versions have it (self-hosted: upgrade PostHog). ${EVENT_FALLBACK}`,
	},
	{
		// Newest servers keep alert notifications other than insight alerts to the alert API.
		status: '400',
		detail: /managed through the alert api/i,
		message: 'PostHog manages the notifications of this kind of alert itself',
		description:
			'PostHog answered: “Alert notification destinations are managed through the alert API.” Add the webhook as a notification of the alert in PostHog instead, or use Listen For “Insight Alert Firing”.',
	},
	{
		// A filter that does not compile, e.g. an action of another project.
		status: '400',
		detail: /./,
		attr: 'filters',
		message: 'PostHog refused the destination’s filter',
		description: (detail) =>
			`PostHog answered: “${detail}” Check the chosen action, alert or survey: it must exist in this project (choose it from the list).`,
	},
	{
		status: '403',
		detail: /missing required scope 'hog_function:write'/i,
		message: 'The API key may not create destinations: it lacks the scope hog_function:write',
		description: `${SCOPES_PAGE}: give the key the scope “hog_function:write” (the trigger creates, checks and deletes its destination), or use a key that has it. Then activate the workflow again.`,
	},
	{
		status: '403',
		detail: /missing required scope 'hog_function:read'/i,
		message: 'The API key may not read destinations: it lacks the scope hog_function:read',
		description: `${SCOPES_PAGE}: give the key the scope “hog_function:read” (the trigger looks for destinations it made before, to remove them), or use a key that has it. Then activate the workflow again.`,
	},
];

export function explainCreateError(
	context: IHookFunctions,
	error: unknown,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeOperationError) return error;
	const status = errorCode(error);
	const body = errorBodyOf(error);
	const detail = typeof body.detail === 'string' ? body.detail : '';
	const known = EXPLAINED.find(
		(entry) =>
			entry.status === status &&
			entry.detail.test(detail) &&
			(entry.attr === undefined || entry.attr === body.attr),
	);
	if (!known) return new NodeApiError(context.getNode(), error as JsonObject);
	return new NodeApiError(context.getNode(), body as JsonObject, {
		message: known.message,
		description:
			typeof known.description === 'function' ? known.description(detail) : known.description,
		httpCode: status,
	});
}
