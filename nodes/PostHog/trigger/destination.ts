import type { IDataObject } from 'n8n-workflow';

/** The header every delivery carries the per-activation secret in. */
export const SECRET_HEADER = 'X-N8N-Secret';

export type Destination = {
	url: string;
	secret: string;
	eventNames: string[];
	name: string;
	description: string;
};

/**
 * `POST hog_functions/`: a webhook destination from PostHog's `template-webhook`
 * (docs/posthog-api-part2.md §10.3). PostHog fills in no input defaults (§10.2): without `body`
 * the request has none, and headers given replace its `Content-Type`, so both are sent. A body
 * value that is exactly one placeholder arrives as that object, not as text (§10.5). Created
 * disabled unless `enabled: true` (§11).
 */
export function destinationBody(destination: Destination): IDataObject {
	return {
		type: 'destination',
		template_id: 'template-webhook',
		name: destination.name,
		description: destination.description,
		enabled: true,
		inputs: {
			url: { value: destination.url },
			method: { value: 'POST' },
			headers: {
				value: { 'Content-Type': 'application/json', [SECRET_HEADER]: destination.secret },
			},
			body: {
				value: { event: '{event}', person: '{person}', groups: '{groups}', project: '{project}' },
			},
		},
		filters: {
			events: destination.eventNames.map((name, order) => ({
				id: name,
				name,
				type: 'events',
				order,
			})),
			filter_test_accounts: false,
		},
	};
}

const valueOf = (inputs: unknown, key: string): unknown =>
	((inputs as IDataObject | undefined)?.[key] as IDataObject | undefined)?.value;

/**
 * Whether a hog function, as `GET hog_functions/{id}/` returns it, still delivers what this
 * node expects: enabled, to this URL, with this secret, for these events (§10.4).
 */
export function deliversAsExpected(
	hogFunction: IDataObject,
	expected: Pick<Destination, 'url' | 'secret' | 'eventNames'>,
): boolean {
	const headers = valueOf(hogFunction.inputs, 'headers') as IDataObject | undefined;
	const events = ((hogFunction.filters as IDataObject | undefined)?.events ?? []) as IDataObject[];
	const names = new Set(events.map((event) => String(event.id)));
	return (
		hogFunction.enabled === true &&
		hogFunction.deleted !== true &&
		valueOf(hogFunction.inputs, 'url') === expected.url &&
		headers?.[SECRET_HEADER] === expected.secret &&
		names.size === expected.eventNames.length &&
		expected.eventNames.every((name) => names.has(name))
	);
}
