import type {
	IDataObject,
	IHttpRequestMethods,
	IExecuteSingleFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

/** Every context a request can come from: an item of the action node, the editor, a trigger. */
export type RequestContext =
	| IExecuteSingleFunctions
	| ILoadOptionsFunctions
	| IPollFunctions
	| IHookFunctions
	| IWebhookFunctions;

export const isItemContext = (context: RequestContext): context is IExecuteSingleFunctions =>
	'getItemIndex' in context;

/** The item a request was sent for; undefined outside the action node. */
export const itemIndexOf = (context: RequestContext) =>
	isItemContext(context) ? context.getItemIndex() : undefined;

export type PostHogRequest = {
	method: IHttpRequestMethods;
	/** A path on the credential's host, e.g. `/api/projects/1/groups/`. */
	url: string;
	qs?: IDataObject;
	body?: IDataObject;
};

/** What pacing, retries and errors need to know of a request: its line, and a query's kind. */
export type RequestLine = Pick<PostHogRequest, 'method' | 'url'> & { queryKind?: string };

/** The `query.kind` of a `POST query/` body, which decides its throttle class. */
export function queryKindOf(body: unknown): string | undefined {
	const query = (body as { query?: { kind?: unknown } } | undefined)?.query;
	return typeof query?.kind === 'string' ? query.kind : undefined;
}
