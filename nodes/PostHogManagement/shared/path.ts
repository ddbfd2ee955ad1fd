import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { locatorId, PROJECT_URL, type LocatorUrl } from './locator';
import { invalidParameter } from './validation';

type PreSend = (
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

const DIGITS = /^\d+$/;

/**
 * A numeric ID parameter, or resource locator (a number, or digits as text, or a URL that
 * `url` takes one out of), trimmed; anything else is refused. `what` names it in the error
 * ("project": `"abc" is not a numeric project ID`).
 */
export function requireNumericId(
	context: IExecuteSingleFunctions,
	name: string,
	label: string,
	what: string,
	url?: LocatorUrl,
): string {
	const raw = context.getNodeParameter(name, '', { extractValue: false }) as unknown;
	const id =
		typeof raw === 'object' && raw !== null
			? locatorId(context, name, label, url)
			: String(raw ?? '').trim();
	if (!DIGITS.test(id))
		throw invalidParameter(context, label, `"${id}" is not a numeric ${what} ID`);
	return id;
}

/** The numeric project of the Project locator, whatever its mode. */
export const projectIdOf = (context: IExecuteSingleFunctions) =>
	requireNumericId(context, 'projectId', 'Project', 'project', PROJECT_URL);

export const fillProjectId = fillPlaceholder('projectId', projectIdOf);
