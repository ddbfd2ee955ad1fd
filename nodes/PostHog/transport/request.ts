import {
	NodeApiError,
	type DeclarativeRestApiSettings,
	type IExecutePaginationFunctions,
	type IDataObject,
	type IHttpRequestOptions,
	type IN8nHttpFullResponse,
	type INodeExecutionData,
} from 'n8n-workflow';
import { postHogBaseUrl } from '../../../credentials/PostHogManagementApi.credentials';
import { recordAppliedWrite } from './appliedWrites';
import {
	isItemContext,
	itemIndexOf,
	queryKindOf,
	type PostHogRequest,
	type RequestContext,
	type RequestLine,
} from './context';
import { CREDENTIAL_TYPE } from './credential';
import {
	networkError,
	pacedTooLongError,
	postHogApiError,
	rateLimitError,
	withAppliedWrites,
	withFixForAgents,
} from './errors';
import { pacingKey, waitForTurn } from './pacer';
import { rememberedPerExecution } from './perExecution';
import { DEFAULT_REQUEST_POLICY, type RequestPolicy } from './requestPolicy';
import { askedWaitSeconds, isRateLimited, isRead, retryDelayMs } from './retry';
import { clock } from './timing';

/**
 * The one door to PostHog. Every request passes through `send` below: the action node's routed
 * requests (n8n hands each one to `sendRoutedRequest`, declared as the node's
 * `requestOperations.pagination`), the operations' own pagers, look-ups, dropdowns and the
 * triggers (`postHogRequest`). Pacing, retries, waits and error mapping live here and nowhere
 * else.
 */

export type { PostHogRequest, RequestContext };

type Sender = { policy: RequestPolicy; pacingKey: string; host: string };
type Destination = Pick<Sender, 'pacingKey' | 'host'>;

// The options are read once per item: a paged list or Update Property sends many requests from
// one context. The credential is read once per execution of a node, not per item.
const senders = new WeakMap<RequestContext, Promise<Sender>>();
const destinations = rememberedPerExecution<Destination>();

async function readDestination(context: RequestContext): Promise<Destination> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	const host = postHogBaseUrl(credentials);
	return { pacingKey: pacingKey(host, String(credentials.apiKey ?? '')), host };
}

async function destinationOf(context: RequestContext): Promise<Destination> {
	if (!isItemContext(context)) return await readDestination(context);
	return await destinations(context, '', async () => await readDestination(context));
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

/**
 * Sends with `attempt()` when the pacer gives the request its turn, and retries what is safe to
 * retry (see `retryDelayMs`), bounded by Max Attempts and Max Wait. A 429 pauses the API key's
 * requests in the same throttle classes. The error of the last attempt is mapped to one a user
 * can act on.
 */
async function send<T>(
	context: RequestContext,
	request: RequestLine,
	attempt: () => Promise<T>,
): Promise<T> {
	const { policy, pacingKey: key, host } = await senderOf(context);
	const paced = { ...request, requestsPerMinute: policy.requestsPerMinute };
	let waitedMs = 0;
	for (let attempts = 1; ; attempts++) {
		const turn = await waitForTurn(
			key,
			paced,
			policy.maxWaitSeconds * 1000,
			(slot) => {
				throw failure(context, pacedTooLongError(context, request, slot, policy));
			},
			policy.retryOnRateLimit,
		);
		try {
			const answer = await attempt();
			turn.answered();
			if (!isRead(request.method, request.url) && isItemContext(context)) {
				recordAppliedWrite(context);
			}
			return answer;
		} catch (error) {
			const delayMs = retryDelayMs(error, request, attempts, policy);
			if (isRateLimited(error)) {
				const askedMs = secondsToMs(askedWaitSeconds(error));
				turn.throttled(delayMs ?? askedMs ?? 0, askedMs);
			} else {
				turn.answered();
			}
			const withinBounds =
				delayMs !== undefined &&
				attempts < policy.maxAttempts &&
				waitedMs + delayMs <= policy.maxWaitSeconds * 1000;
			if (!withinBounds) {
				throw failure(
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

/** The error a request ends with, as the user (or the agent, for a tool) should see it. */
const failure = (context: RequestContext, error: unknown) =>
	withFixForAgents(context, withAppliedWrites(context, error));

const secondsToMs = (seconds: number | undefined) =>
	seconds === undefined ? undefined : seconds * 1000;

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
	const { method = 'GET', url = '', body } = requestData.options;
	const line = { method, url, queryKind: queryKindOf(body) };
	return await send(this, line, async () => await this.makeRoutingRequest(requestData));
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
	return await send(context, { method, url, queryKind: queryKindOf(body) }, async () => {
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
