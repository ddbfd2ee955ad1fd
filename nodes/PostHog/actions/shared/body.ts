import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

/** preSend for POST actions that take no body: n8n would otherwise send `{}`. */
export async function sendWithoutBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const withoutBody = { ...requestOptions };
	delete withoutBody.body;
	return withoutBody;
}
