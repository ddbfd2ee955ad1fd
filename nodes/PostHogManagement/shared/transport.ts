import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';
import { postHogApiError } from './errors';

export const CREDENTIAL_TYPE = 'postHogManagementApi';

/**
 * One authenticated request outside the declarative routing (dropdowns, look-ups).
 * The credential sets the host; errors become the same readable NodeApiError as routed calls.
 */
export async function postHogRequest<T = IDataObject>(
	this: ILoadOptionsFunctions | IExecuteSingleFunctions,
	method: IHttpRequestMethods,
	url: string,
	qs: IDataObject = {},
): Promise<T> {
	const options: IHttpRequestOptions = {
		method,
		url,
		qs,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
	const response = (await this.helpers.httpRequestWithAuthentication.call(
		this,
		CREDENTIAL_TYPE,
		options,
	)) as IN8nHttpFullResponse;
	if (response.statusCode >= 400) throw postHogApiError(this.getNode(), response);
	return response.body as T;
}
