import type { IExecuteSingleFunctions, ILoadOptionsFunctions, INodeProperties } from 'n8n-workflow';
import { invalidParameter, isUuid } from './validation';

/** A resource locator's stored value: `{mode: 'list' | 'id' | 'url' | …, value}`. */
export type ResourceLocatorValue = { mode?: string; value?: unknown };

/**
 * The value of a resource locator, with the ID taken out of a URL by the node itself. The
 * locators declare no `extractValue` or `validation` regexes: n8n runs those in a sandbox with
 * a 250 ms wall-clock guard, several times per item, and on a busy machine the guard can fail a
 * run whose regex took microseconds (docs/n8n-notes.md §6). The node checks every value itself,
 * per item, before any request.
 */
export type LocatorUrl = {
	/** The ID is the first capture group. */
	pattern: RegExp;
	/** What the URL should look like, for the error: "…/project/ID/…". */
	shape: string;
};

export function idFrom(locator: ResourceLocatorValue, url?: LocatorUrl): string | undefined {
	const value = String(locator?.value ?? '').trim();
	if (locator?.mode !== 'url' || !url) return value;
	return url.pattern.exec(value)?.[1];
}

/** The ID a locator parameter gives for the current item; a URL that does not fit is refused. */
export function locatorId(
	context: IExecuteSingleFunctions,
	name: string,
	label: string,
	url?: LocatorUrl,
): string {
	const locator = context.getNodeParameter(name, undefined, {
		extractValue: false,
	}) as ResourceLocatorValue;
	const id = idFrom(locator, url);
	if (id === undefined) {
		throw invalidParameter(
			context,
			label,
			`not a PostHog ${label.toLowerCase()} URL (${url?.shape})`,
		);
	}
	return id;
}

/** The same, for the editor's dropdowns and list searches: undefined when it does not fit. */
export function currentLocatorId(
	context: ILoadOptionsFunctions,
	name: string,
	url?: LocatorUrl,
): string | undefined {
	const locator = context.getCurrentNodeParameter(name, {
		extractValue: false,
	}) as ResourceLocatorValue;
	return idFrom(locator, url);
}

export const DIGITS = /^\d+$/;

/** An ID parameter or resource locator's value for the current item, trimmed. */
function idOf(
	context: IExecuteSingleFunctions,
	name: string,
	label: string,
	url?: LocatorUrl,
): string {
	const raw = context.getNodeParameter(name, '', { extractValue: false }) as unknown;
	return typeof raw === 'object' && raw !== null
		? locatorId(context, name, label, url)
		: String(raw ?? '').trim();
}

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
	const id = idOf(context, name, label, url);
	if (!DIGITS.test(id))
		throw invalidParameter(context, label, `"${id}" is not a numeric ${what} ID`);
	return id;
}

/** The same for a UUID-keyed object (surveys, error-tracking issues). */
export function requireUuidId(
	context: IExecuteSingleFunctions,
	name: string,
	label: string,
	what: string,
	url?: LocatorUrl,
): string {
	const id = idOf(context, name, label, url);
	if (!isUuid(id)) throw invalidParameter(context, label, `"${id}" is not a ${what} UUID`);
	return id;
}

/**
 * The picker of one PostHog object, for the action node's fields and the trigger's: From List
 * (the list search `search`), By ID, and By URL where PostHog has a page for it. The action node
 * adds the routing that fills its URL; an `optional` picker (the trigger's) may stay empty.
 */
export function pickerField({
	displayName,
	name,
	description,
	search,
	idPlaceholder,
	urlPlaceholder,
	optional = false,
}: {
	displayName: string;
	name: string;
	description?: string;
	search: string;
	idPlaceholder: string;
	urlPlaceholder?: string;
	optional?: boolean;
}): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: !optional,
		...(description ? { description } : {}),
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: search, searchable: true },
			},
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder: idPlaceholder },
			...(urlPlaceholder
				? [
						{
							displayName: 'By URL',
							name: 'url',
							type: 'string' as const,
							placeholder: urlPlaceholder,
						},
					]
				: []),
		],
	};
}
