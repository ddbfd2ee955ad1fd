import {
	NodeApiError,
	type DeclarativeRestApiSettings,
	type IDataObject,
	type IExecutePaginationFunctions,
	type IExecuteSingleFunctions,
	type IHookFunctions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type IN8nHttpFullResponse,
	type INodeExecutionData,
	type IPollFunctions,
	type IWebhookFunctions,
} from 'n8n-workflow';
import { postHogBaseUrl } from '../../../credentials/PostHogManagementApi.credentials';
import { appliedWritesNote, recordAppliedWrite } from './appliedWrites';
import { CREDENTIAL_TYPE } from './constants';
import { postHogApiError } from './errors';
import { rateLimitText } from './rateLimits';
import { pacingKey, pause, waitForTurn, type Slot } from './pacer';
import { DEFAULT_REQUEST_POLICY, type RequestPolicy } from './requestPolicy';
import { askedWaitSeconds, errorCode, isRateLimited, retryDelayMs } from './retry';
import { clock } from './timing';

/**
 * The one door to PostHog. Every request passes through `send` below: the action node's routed
 * requests (n8n hands each one to `sendRoutedRequest`, declared as the node's
 * `requestOperations.pagination`), the operations' own pagers, look-ups, dropdowns and the
 * triggers (`postHogRequest`). Pacing, retries, waits and error mapping live here and nowhere
 * else.
 */

/** Every context a request can come from: an item of the action node, the editor, a trigger. */
export type RequestContext =
	| IExecuteSingleFunctions
	| ILoadOptionsFunctions
	| IPollFunctions
	| IHookFunctions
	| IWebhookFunctions;

export type PostHogRequest = {
	method: IHttpRequestMethods;
	/** A path on the credential's host, e.g. `/api/projects/1/groups/`. */
	url: string;
	qs?: IDataObject;
	body?: IDataObject;
};

const BATCHING_HINT = 'or space the items out with Settings → Request Options → Batching.';

const isItemContext = (context: RequestContext): context is IExecuteSingleFunctions =>
	'getItemIndex' in context;

const itemIndexOf = (context: RequestContext) =>
	isItemContext(context) ? context.getItemIndex() : undefined;

type Sender = { policy: RequestPolicy; pacingKey: string; host: string };
type Destination = Pick<Sender, 'pacingKey' | 'host'>;

// The options are read once per item: a paged list or Update Property sends many requests from
// one context. The credential is read once per execution of a node, not per item.
const senders = new WeakMap<RequestContext, Promise<Sender>>();
const destinations = new Map<string, Promise<Destination>>();
const MAX_REMEMBERED_DESTINATIONS = 100;

async function readDestination(context: RequestContext): Promise<Destination> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	const host = postHogBaseUrl(credentials);
	return { pacingKey: pacingKey(host, String(credentials.apiKey ?? '')), host };
}

function destinationOf(context: RequestContext): Promise<Destination> {
	if (!isItemContext(context)) return readDestination(context);
	const run = `${context.getExecutionId()}:${context.getNode().id}`;
	let destination = destinations.get(run);
	if (!destination) {
		destination = readDestination(context);
		destination.catch(() => destinations.delete(run));
		if (destinations.size >= MAX_REMEMBERED_DESTINATIONS) destinations.clear();
		destinations.set(run, destination);
	}
	return destination;
}

async function readSender(context: RequestContext): Promise<Sender> {
	const options = isItemContext(context)
		? (context.getNodeParameter('options', {}) as Partial<RequestPolicy>)
		: {};
	return { policy: { ...DEFAULT_REQUEST_POLICY, ...options }, ...(await destinationOf(context)) };
}

function senderOf(context: RequestContext): Promise<Sender> {
	let sender = senders.get(context);
	if (!sender) {
		sender = readSender(context);
		senders.set(context, sender);
	}
	return sender;
}

function rateLimitError(
	context: RequestContext,
	error: NodeApiError,
	request: Pick<PostHogRequest, 'method' | 'url'>,
	attempts: number,
	policy: RequestPolicy,
): NodeApiError {
	const limits = rateLimitText(request.method, request.url);
	if (!policy.retryOnRateLimit) {
		error.description = `${limits} Turn on Retry on Rate Limit under Options, ${BATCHING_HINT}`;
		return error;
	}
	const asked = askedWaitSeconds(error);
	const message =
		asked !== undefined && asked > policy.maxWaitSeconds
			? `PostHog is rate-limiting this API key and asked to wait ${asked} s, longer than Max Wait (${policy.maxWaitSeconds} s)`
			: `PostHog is still rate-limiting this API key after ${attempts} attempts.${asked === undefined ? '' : ` PostHog asked to wait ${asked} s.`}`;
	const limited = new NodeApiError(
		context.getNode(),
		{ detail: error.message },
		{
			message,
			description: `${limits} Raise Max Attempts or Max Wait under Options, ${BATCHING_HINT}`,
			httpCode: '429',
			itemIndex: itemIndexOf(context),
		},
	);
	if (asked !== undefined) limited.context.retryAfterSeconds = asked;
	return limited;
}

/** The pacer's next turn for this request is further away than Max Wait. */
function pacedTooLongError(
	context: RequestContext,
	request: Pick<PostHogRequest, 'method' | 'url'>,
	slot: Slot,
	policy: RequestPolicy,
): NodeApiError {
	const seconds = Math.ceil(slot.waitMs / 1000);
	const error = new NodeApiError(
		context.getNode(),
		{ detail: 'not sent: the API key has no requests left in PostHog’s limit for now' },
		{
			message: `PostHog’s rate limit for this API key leaves no room for ${seconds} s, longer than Max Wait (${policy.maxWaitSeconds} s)`,
			description: `${rateLimitText(request.method, request.url)} The request was not sent. Run again in ${seconds} s, raise Max Wait under Options, or spread the work over time.`,
			httpCode: '429',
			itemIndex: itemIndexOf(context),
		},
	);
	error.context.retryAfterSeconds = seconds;
	return error;
}

const NETWORK_PROBLEMS: Record<string, string> = {
	ECONNREFUSED: 'refused the connection',
	ENOTFOUND: 'is not a known host name',
	EAI_AGAIN: 'could not be looked up (DNS)',
	ECONNRESET: 'closed the connection before answering',
	EPIPE: 'closed the connection before answering',
	ETIMEDOUT: 'did not accept the connection in time',
	ECONNABORTED: 'did not answer within the timeout (Settings → Request Options → Timeout)',
};

/**
 * n8n's own message for a network failure names neither the host nor a cause a PostHog user can
 * act on, and keeps the raw request (with its Authorization header) inside the error.
 * This builds a clean error that names the host and points at the credential.
 */
function networkError(context: RequestContext, error: unknown, host: string): unknown {
	const code = errorCode(error);
	const problem = code ? NETWORK_PROBLEMS[code] : undefined;
	if (!problem) return error;
	// No `httpCode`/`code` here: NodeApiError would swap the message for n8n's generic text.
	const clean = new NodeApiError(
		context.getNode(),
		{ networkError: code ?? null },
		{
			message: `PostHog at ${host} ${problem}`,
			description: `${code}: check the Region (US or EU) and, for self-hosted PostHog, the Host in the PostHog Management API credential, and that the instance is reachable from n8n.`,
			itemIndex: itemIndexOf(context),
		},
	);
	clean.context.networkError = code;
	return clean;
}

/**
 * An error that stops the run (Continue On Fail off) says which other items PostHog had already
 * applied, since a rerun would apply those writes again.
 */
function withAppliedWrites(context: RequestContext, error: unknown): unknown {
	if (!isItemContext(context) || context.continueOnFail() || !(error instanceof NodeApiError)) {
		return error;
	}
	const note = appliedWritesNote(context);
	if (note) error.description = `${error.description ?? ''}${note}`.trim();
	return error;
}

/**
 * Sends with `attempt()` when the pacer gives the request its turn, and retries what is safe to
 * retry (see `retryDelayMs`), bounded by Max Attempts and Max Wait. A 429 pauses the API key's
 * requests in the same throttle classes. The error of the last attempt is mapped to one a user
 * can act on.
 */
async function send<T>(
	context: RequestContext,
	request: Pick<PostHogRequest, 'method' | 'url'>,
	attempt: () => Promise<T>,
): Promise<T> {
	const { policy, pacingKey: key, host } = await senderOf(context);
	const paced = { ...request, requestsPerMinute: policy.requestsPerMinute };
	let waitedMs = 0;
	for (let attempts = 1; ; attempts++) {
		const turn = await waitForTurn(key, paced, policy.maxWaitSeconds * 1000, (slot) => {
			throw withAppliedWrites(context, pacedTooLongError(context, request, slot, policy));
		});
		try {
			const answer = await attempt();
			turn.answered();
			if (request.method !== 'GET' && isItemContext(context)) recordAppliedWrite(context);
			return answer;
		} catch (error) {
			turn.answered();
			const delayMs = retryDelayMs(error, request.method, attempts, policy);
			if (isRateLimited(error) && delayMs !== undefined) pause(key, paced, delayMs);
			const withinBounds =
				delayMs !== undefined &&
				attempts < policy.maxAttempts &&
				waitedMs + delayMs <= policy.maxWaitSeconds * 1000;
			if (!withinBounds) {
				throw withAppliedWrites(
					context,
					isRateLimited(error)
						? rateLimitError(context, error as NodeApiError, request, attempts, policy)
						: networkError(context, error, host),
				);
			}
			await clock.sleep(delayMs);
			waitedMs += delayMs;
		}
	}
}

/**
 * The door for routed requests. n8n's routing engine calls the node's
 * `requestOperations.pagination` for every request when `paginate` is on, which the Resource
 * parameter turns on for every operation; an operation with its own pager (or several requests
 * per item) calls this for each of its requests instead.
 */
export async function sendRoutedRequest(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const { method = 'GET', url = '' } = requestData.options;
	return await send(this, { method, url }, async () => await this.makeRoutingRequest(requestData));
}

/** One authenticated request outside the routing: look-ups, dropdowns, list searches, triggers. */
export async function postHogRequest<T = IDataObject>(
	context: RequestContext,
	{ method, url, qs = {}, body }: PostHogRequest,
): Promise<T> {
	const options: IHttpRequestOptions = {
		method,
		url,
		qs,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		...(body === undefined ? {} : { body }),
	};
	return await send(context, { method, url }, async () => {
		const response = (await context.helpers.httpRequestWithAuthentication.call(
			context,
			CREDENTIAL_TYPE,
			options,
		)) as IN8nHttpFullResponse;
		if (response.statusCode >= 400) {
			throw postHogApiError(context.getNode(), response, itemIndexOf(context));
		}
		return response.body as T;
	});
}
