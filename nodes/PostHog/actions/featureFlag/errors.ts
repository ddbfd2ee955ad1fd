import {
	NodeApiError,
	type DeclarativeRestApiSettings,
	type IExecutePaginationFunctions,
	type INodeExecutionData,
	type JsonObject,
} from 'n8n-workflow';
import { errorBodyOf } from '../../transport/errors';
import { sendRoutedRequest } from '../../transport/request';
import { errorCode } from '../../transport/retry';

const CONFLICT_HINT =
	'PostHog refused the change (409): either an approval policy of the organization gates changes to this flag, so a change request was opened in PostHog and the flag stays unchanged until someone approves it, or someone changed the flag since it was read. Check the flag in PostHog, then run again.';

/**
 * A flag write's error, explained where PostHog's own message leaves users guessing
 * (docs/posthog-api-part2.md §4): a taken key names the key, a 409 says what it means.
 */
export function explainFlagError(
	context: IExecutePaginationFunctions,
	error: unknown,
	key?: string,
): unknown {
	const status = errorCode(error);
	const body = errorBodyOf(error);
	if (status === '400' && body.attr === 'key' && body.code === 'unique') {
		return new NodeApiError(context.getNode(), body as JsonObject, {
			message: `A feature flag with the key "${key ?? ''}" already exists in this project`,
			description:
				'Keys are unique per project. Choose another key, or change the existing flag with Update (Feature Flag → By Key).',
			httpCode: status,
			itemIndex: context.getItemIndex(),
		});
	}
	if (status === '409') {
		(error as NodeApiError).description = CONFLICT_HINT;
	}
	return error;
}

/** Sends one flag write through the seam, with its errors explained. */
export async function sendFlagWrite(
	context: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	key?: string,
): Promise<INodeExecutionData[]> {
	try {
		return await sendRoutedRequest.call(context, requestData);
	} catch (error) {
		throw explainFlagError(context, error, key);
	}
}
