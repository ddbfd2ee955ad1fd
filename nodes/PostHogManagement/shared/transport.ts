import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';
import { CREDENTIAL_TYPE } from './constants';
import { postHogApiError } from './errors';
import { withRetries } from './retry';

/**
 * One authenticated request outside the declarative routing (dropdowns, look-ups).
 * The credential sets the host; errors and retries are those of routed calls.
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
	return await withRetries(this, method, async () => {
		const response = (await this.helpers.httpRequestWithAuthentication.call(
			this,
			CREDENTIAL_TYPE,
			options,
		)) as IN8nHttpFullResponse;
		if (response.statusCode >= 400) throw postHogApiError(this.getNode(), response);
		return response.body as T;
	});
}
