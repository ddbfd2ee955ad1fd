import {
	NodeOperationError,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
} from 'n8n-workflow';
import { withFixForAgents } from '../transport/errors';

/** Refuses a bad parameter before any request is sent, naming the parameter and the item. */
export function invalidParameter(
	context: IExecuteSingleFunctions,
	parameter: string,
	problem: string,
): NodeOperationError {
	const itemIndex = context.getItemIndex();
	const error = new NodeOperationError(context.getNode(), `${parameter}: ${problem}`, {
		itemIndex,
		description: `Check the "${parameter}" parameter of item ${itemIndex}.`,
	});
	return withFixForAgents(context, error);
}

/** A required text parameter, sent as typed; blank text is refused. */
export function requireText(context: IExecuteSingleFunctions, name: string, label: string): string {
	const value = String(context.getNodeParameter(name, '') ?? '');
	if (!value.trim()) throw invalidParameter(context, label, 'must not be empty');
	return value;
}

/** A preSend that refuses the request when the text parameter `name` is blank. */
export function refuseBlank(name: string, label: string) {
	return async function (
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		requireText(this, name, label);
		return requestOptions;
	};
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a text is a UUID, as PostHog's person, file-system and survey IDs are. */
export const isUuid = (text: string) => UUID.test(text);

/** A required UUID parameter, trimmed; `what` names it in the error ("file system entry"). */
export function requireUuid(
	context: IExecuteSingleFunctions,
	name: string,
	label: string,
	what: string,
): string {
	const id = requireText(context, name, label).trim();
	if (!isUuid(id)) throw invalidParameter(context, label, `"${id}" is not a ${what} UUID`);
	return id;
}
