import type { IDataObject } from 'n8n-workflow';
import type { Subscription } from './kinds';

/** The header deliveries carry the secret in, on servers without signed deliveries. */
export const SECRET_HEADER = 'X-N8N-Secret';

export type Destination = {
	url: string;
	subscription: Subscription;
	name: string;
	description: string;
};

/** `template-webhook`'s inputs: the server fills in no defaults (docs/posthog-api-part2.md §10.2). */
function inputsOf(url: string, headers: IDataObject): IDataObject {
	return {
		url: { value: url },
		method: { value: 'POST' },
		headers: { value: { 'Content-Type': 'application/json', ...headers } },
		body: {
			value: { event: '{event}', person: '{person}', groups: '{groups}', project: '{project}' },
		},
	};
}

/**
 * `POST hog_functions/`: a webhook destination from PostHog's `template-webhook`
 * (docs/posthog-api-part2.md §10.3), of the type and with the filters the trigger's kind needs
 * (docs/instant-trigger.md §1). Without `body` the request would have none, and headers given
 * replace its `Content-Type`, so both are sent. A body value that is exactly one placeholder
 * arrives as that object, not as text (§10.5). Created disabled unless `enabled: true` (§11).
 * `signing_secret` makes PostHog sign every delivery; a server whose template lacks the input
 * drops it silently (docs/instant-trigger.md §3), which `isSigned` tells from the answer.
 */
export function destinationBody(destination: Destination, signingSecret: string): IDataObject {
	return {
		type: destination.subscription.type,
		template_id: 'template-webhook',
		name: destination.name,
		description: destination.description,
		enabled: true,
		inputs: { ...inputsOf(destination.url, {}), signing_secret: { value: signingSecret } },
		filters: { ...destination.subscription.filters, filter_test_accounts: false },
	};
}

/** The `PATCH` that puts the header secret on a destination whose server does not sign. */
export const headerSecretBody = (url: string, secret: string): IDataObject => ({
	inputs: inputsOf(url, { [SECRET_HEADER]: secret }),
});

const inputOf = (hogFunction: IDataObject, key: string): IDataObject | undefined =>
	(hogFunction.inputs as IDataObject | undefined)?.[key] as IDataObject | undefined;

/** Whether PostHog kept the signing secret: secret inputs read back as `{secret: true}`. */
export const isSigned = (hogFunction: IDataObject): boolean =>
	inputOf(hogFunction, 'signing_secret')?.secret === true;

/** Property filters in an order- and shape-independent form. */
const propertiesKey = (properties: unknown): string[] =>
	(Array.isArray(properties) ? (properties as IDataObject[]) : [])
		.map((p) =>
			JSON.stringify([
				p.key,
				p.type ?? 'event',
				p.operator ?? 'exact',
				([] as unknown[]).concat(p.value).map(String).sort(),
			]),
		)
		.sort();

/** What a destination's filters select, whatever PostHog added to them (`source`, `bytecode`). */
function filtersKey(filters: IDataObject | undefined): string {
	const entries = (name: string) =>
		((filters?.[name] ?? []) as IDataObject[])
			.map((entry) => JSON.stringify([String(entry.id), propertiesKey(entry.properties)]))
			.sort();
	return JSON.stringify([
		entries('events'),
		entries('actions'),
		propertiesKey(filters?.properties),
	]);
}

export type Expected = {
	url: string;
	subscription: Subscription;
	/** The header secret; undefined when the destination signs its deliveries. */
	headerSecret?: string;
};

/**
 * Whether a hog function, as `GET hog_functions/{id}/` returns it, still delivers what this
 * node expects: enabled, to this URL, signed or with this header secret, of this type and
 * selecting the same events (docs/posthog-api-part2.md §10.4). A 0.2 destination (header
 * secret, event filter) still counts.
 */
export function deliversAsExpected(hogFunction: IDataObject, expected: Expected): boolean {
	const headers = inputOf(hogFunction, 'headers')?.value as IDataObject | undefined;
	const secretHolds = expected.headerSecret
		? headers?.[SECRET_HEADER] === expected.headerSecret
		: isSigned(hogFunction);
	return (
		hogFunction.enabled === true &&
		hogFunction.deleted !== true &&
		(hogFunction.type ?? 'destination') === expected.subscription.type &&
		inputOf(hogFunction, 'url')?.value === expected.url &&
		secretHolds &&
		filtersKey(hogFunction.filters as IDataObject) === filtersKey(expected.subscription.filters)
	);
}
