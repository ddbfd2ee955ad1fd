import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

export type PreSend = (
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
) => Promise<IHttpRequestOptions>;

/**
 * A preSend for the field that owns the `{name}` placeholder of operation URLs: it fills the
 * placeholder with what `resolve` gives for the current item. Declared once per placeholder, at
 * module level, so that every field carrying it shares the same hook.
 */
export function fillPlaceholder(
	name: string,
	resolve: (context: IExecuteSingleFunctions) => string | Promise<string>,
): PreSend {
	const placeholder = `{${name}}`;
	return async function (this: IExecuteSingleFunctions, requestOptions) {
		if (!requestOptions.url.includes(placeholder)) return requestOptions;
		const value = encodeURIComponent(await resolve(this));
		return { ...requestOptions, url: requestOptions.url.replace(placeholder, value) };
	};
}
