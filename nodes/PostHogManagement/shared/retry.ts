import {
	NodeApiError,
	randomInt,
	sleep,
	type DeclarativeRestApiSettings,
	type IExecutePaginationFunctions,
	type IExecuteSingleFunctions,
	type ILoadOptionsFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { postHogBaseUrl } from '../../../credentials/PostHogManagementApi.credentials';
import { CREDENTIAL_TYPE } from './constants';

/** The node's Options → Max Attempts, Max Wait and Retry on Rate Limit. */
export type RetryPolicy = {
	retryOnRateLimit: boolean;
	maxAttempts: number;
	maxWaitSeconds: number;
};

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	retryOnRateLimit: true,
	maxAttempts: 5,
	maxWaitSeconds: 300,
};

// Reads are retried after these; writes are not, since PostHog may have applied them (README, "Faults").
const RETRYABLE_SERVER_ERRORS = new Set(['500', '502', '503', '504']);
const RETRYABLE_NETWORK_ERRORS = new Set(['ECONNRESET', 'EPIPE', 'EAI_AGAIN', 'ETIMEDOUT']);

type Context = IExecuteSingleFunctions | ILoadOptionsFunctions;

// Read once per item: a paged list or Update Property sends many requests from one context.
const policies = new WeakMap<Context, RetryPolicy>();

function retryPolicyOf(context: Context): RetryPolicy {
	if (!('getItemIndex' in context)) return DEFAULT_RETRY_POLICY;
	let policy = policies.get(context);
	if (!policy) {
		const options = context.getNodeParameter('options', {}) as Partial<RetryPolicy>;
		policy = { ...DEFAULT_RETRY_POLICY, ...options };
		policies.set(context, policy);
	}
	return policy;
}

/** Exponential backoff with jitter: 0.5–1 s, 1–2 s, 2–4 s, … */
function backoffMs(attempt: number): number {
	const ceiling = 1000 * 2 ** (attempt - 1);
	return ceiling / 2 + randomInt(ceiling / 2);
}

function errorCode(error: unknown): string | undefined {
	return error instanceof NodeApiError && error.httpCode ? String(error.httpCode) : undefined;
}

/** Seconds PostHog asked to wait, read from a 429 by `postHogApiError`. */
export function askedWaitSeconds(error: unknown): number | undefined {
	const seconds = error instanceof NodeApiError ? error.context.retryAfterSeconds : undefined;
	return typeof seconds === 'number' ? seconds : undefined;
}

/** How long to wait before the next attempt, or undefined when the failure is not worth retrying. */
function retryDelayMs(error: unknown, method: string, attempt: number, policy: RetryPolicy) {
	const code = errorCode(error);
	if (code === '429') {
		if (!policy.retryOnRateLimit) return undefined;
		const asked = askedWaitSeconds(error);
		// Every item of a run is throttled at once; the jitter spreads their retries apart.
		return asked === undefined
			? backoffMs(attempt)
			: asked * 1000 + randomInt(Math.min(1000, asked * 250) + 1);
	}
	const isRead = method.toUpperCase() === 'GET';
	if (isRead && code && (RETRYABLE_SERVER_ERRORS.has(code) || RETRYABLE_NETWORK_ERRORS.has(code))) {
		return backoffMs(attempt);
	}
	return undefined;
}

function rateLimitedError(
	context: Context,
	error: NodeApiError,
	attempts: number,
	policy: RetryPolicy,
) {
	const asked = askedWaitSeconds(error);
	const askedText = asked === undefined ? '' : ` PostHog asked to wait ${asked} s.`;
	const message =
		asked !== undefined && asked > policy.maxWaitSeconds
			? `PostHog is rate-limiting this API key and asked to wait ${asked} s, longer than Max Wait (${policy.maxWaitSeconds} s)`
			: `PostHog is still rate-limiting this API key after ${attempts} attempts.${askedText}`;
	return new NodeApiError(
		context.getNode(),
		{ detail: error.message },
		{
			message,
			description:
				'PostHog allows 480 requests a minute and 4,800 an hour per personal API key. Raise Max Attempts or Max Wait under Options, or space the items out with Settings → Request Options → Batching.',
			httpCode: '429',
			itemIndex: 'getItemIndex' in context ? context.getItemIndex() : undefined,
		},
	);
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
async function networkError(context: Context, error: unknown): Promise<unknown> {
	const code = errorCode(error);
	const problem = code ? NETWORK_PROBLEMS[code] : undefined;
	if (!problem) return error;
	let host = 'the PostHog host';
	try {
		host = postHogBaseUrl(await context.getCredentials(CREDENTIAL_TYPE));
	} catch {
		// the credential itself is broken; its own error is reported elsewhere
	}
	// No `httpCode`/`code` here: NodeApiError would swap the message for n8n's generic text.
	const clean = new NodeApiError(
		context.getNode(),
		{ networkError: code ?? null },
		{
			message: `PostHog at ${host} ${problem}`,
			description: `${code}: check the Region (US or EU) and, for self-hosted PostHog, the Host in the PostHog Management API credential, and that the instance is reachable from n8n.`,
			itemIndex: 'getItemIndex' in context ? context.getItemIndex() : undefined,
		},
	);
	clean.context.networkError = code;
	return clean;
}

/**
 * Sends with `send()` and retries what is safe to retry: a 429 after the wait PostHog asks for
 * (Retry-After, else "Expected available in N seconds", else exponential backoff with jitter),
 * and, for reads only, 5xx answers and dropped connections. Bounded by Max Attempts and Max Wait.
 */
export async function withRetries<T>(
	context: Context,
	method: string,
	send: () => Promise<T>,
): Promise<T> {
	const policy = retryPolicyOf(context);
	let waitedMs = 0;
	for (let attempt = 1; ; attempt++) {
		try {
			return await send();
		} catch (error) {
			const delayMs = retryDelayMs(error, method, attempt, policy);
			const withinBounds =
				delayMs !== undefined &&
				attempt < policy.maxAttempts &&
				waitedMs + delayMs <= policy.maxWaitSeconds * 1000;
			if (!withinBounds) {
				if (delayMs !== undefined && errorCode(error) === '429') {
					throw rateLimitedError(context, error as NodeApiError, attempt, policy);
				}
				throw await networkError(context, error);
			}
			await sleep(delayMs);
			waitedMs += delayMs;
		}
	}
}

/**
 * Every routed request goes through here (the node's default "pagination", and the operations'
 * own paging functions call it for each page), so all of them share the retry rules.
 */
export async function sendWithRetries(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	return await withRetries(this, requestData.options.method ?? 'GET', async () => {
		return await this.makeRoutingRequest(requestData);
	});
}
