import type {
	IDataObject,
	IHookFunctions,
	INodeProperties,
	INodePropertyOptions,
	IWebhookFunctions,
} from 'n8n-workflow';

/**
 * What a destination subscribes to: PostHog's own signals need an `internal_destination`,
 * captured events a `destination` (docs/posthog-api-part3.md §9.1, §9.2).
 */
export type Subscription = {
	type: 'destination' | 'internal_destination';
	filters: IDataObject;
};

/** A delivery's body, as the destination's body template renders it. */
export type Delivery = {
	event?: IDataObject | null;
	person?: IDataObject | null;
	project?: IDataObject | null;
};

/** One choice of Listen For: its option, its fields, what it subscribes to, what it outputs. */
export type TriggerKind = {
	option: INodePropertyOptions & { value: string };
	/** Shown for this kind only (the node adds the display options). */
	fields: INodeProperties[];
	subscription(context: IHookFunctions): Subscription;
	/** The flat summary each item carries besides PostHog's event, person and project. */
	summary?: {
		key: string;
		of(delivery: Delivery, context: IWebhookFunctions): IDataObject;
	};
};

/** An event-property filter, in the "equals" shape PostHog's UI writes (§9.2). */
export const eventProperty = (key: string, value: string | string[]): IDataObject => ({
	key,
	value,
	operator: 'exact',
	type: 'event',
});

/** One `filters.events` entry. */
export const eventEntry = (id: string, order: number, properties?: IDataObject[]): IDataObject => ({
	id,
	name: id,
	type: 'events',
	order,
	...(properties?.length ? { properties } : {}),
});

/** `filters` on one event, narrowed to one object by an event property when one is picked. */
export const oneOrEvery = (event: string, key: string, picked: string): IDataObject => ({
	events: [eventEntry(event, 0)],
	...(picked ? { properties: [eventProperty(key, picked)] } : {}),
});

export const propertiesOf = (delivery: Delivery): IDataObject =>
	(delivery.event?.properties as IDataObject | undefined) ?? {};

/** `project.url` joined with a path: PostHog's payloads carry no link to the thing itself. */
export const linkIn = (delivery: Delivery, path: string): string | null => {
	const base = delivery.project?.url;
	return typeof base === 'string' && base ? `${base.replace(/\/$/, '')}${path}` : null;
};
