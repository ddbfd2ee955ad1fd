import { NodeApiError, type IHookFunctions, type JsonObject } from 'n8n-workflow';
import { errorBodyOf } from '../transport/errors';
import { errorCode } from '../transport/retry';

const FALLBACK = 'The PostHog Poll Trigger works without destinations, by polling.';

/** PostHog's refusals of `POST hog_functions/` in words a user can act on (§10.1, §10.3). */
const EXPLAINED: Array<{
	status: string;
	detail: RegExp;
	message: string;
	description: string;
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
		status: '403',
		detail: /missing required scope 'hog_function:write'/i,
		message: 'The API key may not create destinations: it lacks the scope hog_function:write',
		description:
			'In PostHog, Settings → Personal API keys: give the key the scope “hog_function:write” (the trigger creates, checks and deletes its destination), or use a key that has it. Then activate the workflow again.',
	},
];

export function explainCreateError(context: IHookFunctions, error: unknown): NodeApiError {
	const status = errorCode(error);
	const body = errorBodyOf(error);
	const detail = typeof body.detail === 'string' ? body.detail : '';
	const known = EXPLAINED.find((entry) => entry.status === status && entry.detail.test(detail));
	if (!known) return new NodeApiError(context.getNode(), error as JsonObject);
	return new NodeApiError(context.getNode(), body as JsonObject, {
		message: known.message,
		description: known.description,
		httpCode: status,
	});
}
