import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IN8nHttpFullResponse,
	type INode,
	type INodeExecutionData,
	type JsonObject,
} from 'n8n-workflow';
import { appliedWritesNote } from './appliedWrites';
import { isItemContext, itemIndexOf, type RequestContext, type RequestLine } from './context';
import type { Slot } from './pacer';
import { rateLimitText } from './rateLimits';
import type { RequestPolicy } from './requestPolicy';
import { askedWaitSeconds, errorCode } from './retry';

/**
 * PostHog answers errors in three shapes (docs/posthog-api.md §0 "Error body"):
 * the standard `{type, code, detail, attr}`, a bare `{detail}`, and `{error}`.
 */
export type PostHogErrorBody = {
	type?: unknown;
	code?: unknown;
	detail?: unknown;
	attr?: unknown;
	error?: unknown;
};

const EXCERPT_LENGTH = 200;

function excerpt(text: string): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH)}…` : flat;
}

function errorMessage(statusCode: number, body: unknown): string {
	if (body && typeof body === 'object') {
		const { detail, error } = body as PostHogErrorBody;
		if (typeof detail === 'string' && detail) return detail;
		if (typeof error === 'string' && error) return error;
	}
	if (typeof body === 'string' && body.trim()) {
		return `PostHog answered ${statusCode} with a body that is not JSON: ${excerpt(body)}`;
	}
	return `PostHog answered with status ${statusCode}`;
}

function errorHints(statusCode: number, message: string, body: unknown): string[] {
	const hints: string[] = [];
	const attr = body && typeof body === 'object' ? (body as PostHogErrorBody).attr : undefined;
	if (typeof attr === 'string' && attr && attr !== 'detail') {
		hints.push(`PostHog rejected the field "${attr}".`);
	}
	if (statusCode === 401) {
		hints.push(
			'Check the personal API key (phx_…) and the region in the PostHog Management API credential: a key only works in the region (US or EU) where it was created.',
		);
	}
	const missingScope = /missing required scope '([^']+)'/i.exec(message);
	if (statusCode === 403 && missingScope) {
		hints.push(
			`Add the scope "${missingScope[1]}" to the personal API key in PostHog (Settings → Personal API keys), or use a key that has it.`,
		);
	}
	if (statusCode === 403 && /does not support personal api key access/i.test(message)) {
		hints.push(
			'This PostHog version lets only logged-in users, not personal API keys, use this action; newer versions let keys use it (for self-hosted PostHog: upgrade it). On older versions this is true of the project tree’s Move, Link, Count by Path, Log View and File Unfiled.',
		);
	}
	if (statusCode === 404 && /project not found/i.test(message)) {
		hints.push('Check the Project: the key cannot see a project with this ID.');
	}
	return hints;
}

/**
 * Seconds a 429 asks the client to wait: the Retry-After header (seconds or an HTTP date), else
 * "Expected available in N seconds" from the body (docs/posthog-api.md §0 "Rate limits").
 */
export function retryAfterSeconds(
	response: Pick<IN8nHttpFullResponse, 'headers' | 'body'>,
): number | undefined {
	const header = response.headers?.['retry-after'];
	const value = String(Array.isArray(header) ? header[0] : (header ?? '')).trim();
	if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value));
	const date = value ? Date.parse(value) : NaN;
	if (!Number.isNaN(date)) return Math.max(0, Math.ceil((date - Date.now()) / 1000));
	const detail = (response.body as PostHogErrorBody | undefined)?.detail;
	const expected =
		typeof detail === 'string' ? /expected available in (\d+) seconds?/i.exec(detail) : null;
	return expected ? Number(expected[1]) : undefined;
}

/** Turns a PostHog error response into the NodeApiError the user sees. */
export function postHogApiError(
	node: INode,
	response: Pick<IN8nHttpFullResponse, 'statusCode' | 'body'> &
		Partial<Pick<IN8nHttpFullResponse, 'headers'>>,
	itemIndex?: number,
): NodeApiError {
	const { statusCode, body } = response;
	const message = errorMessage(statusCode, body);
	const description = errorHints(statusCode, message, body).join(' ') || undefined;
	const errorResponse: JsonObject =
		body && typeof body === 'object' && !Array.isArray(body)
			? (body as IDataObject as JsonObject)
			: { body: typeof body === 'string' ? excerpt(body) : null };
	const error = new NodeApiError(node, errorResponse, {
		message,
		description,
		httpCode: String(statusCode),
		itemIndex,
	});
	if (statusCode === 429) {
		const seconds = retryAfterSeconds({ headers: response.headers ?? {}, body });
		if (seconds !== undefined) error.context.retryAfterSeconds = seconds;
	}
	return error;
}

/** postReceive: throws a readable NodeApiError for any 4xx/5xx answer. */
export async function throwOnPostHogError(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (response.statusCode < 400) return items;
	throw postHogApiError(this.getNode(), response, this.getItemIndex());
}

/**
 * When the node runs as an AI agent's tool, the agent is given an error's message only (n8n
 * turns a failed tool call into `{error: message}`): there the message also carries the fix
 * that the description gives people. Elsewhere the error is left as it is. Safe to apply twice.
 */
export function withFixForAgents<T>(context: { getNode(): INode }, error: T): T {
	if (!(error instanceof NodeApiError || error instanceof NodeOperationError)) return error;
	if (!context.getNode().type.endsWith('Tool')) return error;
	const { description } = error;
	if (description && !error.message.includes(description)) {
		error.message = `${error.message.replace(/[.\s]*$/, '')}. ${description}`;
	}
	return error;
}

/** The body PostHog answered an error with, as kept in the NodeApiError, or `{}`. */
export function errorBodyOf(error: unknown): PostHogErrorBody {
	const body = error instanceof NodeApiError ? error.errorResponse : undefined;
	return body && typeof body === 'object' && !Array.isArray(body) ? (body as PostHogErrorBody) : {};
}

// The errors of the request seam (request.ts): what the user sees when PostHog keeps
// rate-limiting, when the pacer has no room within Max Wait, and when the network fails.

const BATCHING_HINT = 'or space the items out with Settings → Request Options → Batching.';

export function rateLimitError(
	context: RequestContext,
	error: NodeApiError,
	request: RequestLine,
	attempts: number,
	policy: RequestPolicy,
): NodeApiError {
	const limits = rateLimitText(request.method, request.url, request.queryKind);
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

/**
 * The pacer's next turn for this request is further away than Max Wait, or (Retry on Rate Limit
 * off) held back by a wait PostHog asked for: not sent.
 */
export function pacedTooLongError(
	context: RequestContext,
	request: RequestLine,
	slot: Slot,
	policy: RequestPolicy,
): NodeApiError {
	const seconds = Math.ceil(slot.waitMs / 1000);
	const limits = rateLimitText(request.method, request.url, request.queryKind);
	const heldByPostHog = slot.pausedByPostHog && !policy.retryOnRateLimit;
	const error = new NodeApiError(
		context.getNode(),
		{ detail: 'not sent: the API key has no requests left in PostHog’s limit for now' },
		heldByPostHog
			? {
					message: `PostHog is rate-limiting this API key and asked to wait ${seconds} s more`,
					description: `${limits} The request was not sent. Turn on Retry on Rate Limit under Options, ${BATCHING_HINT}`,
					httpCode: '429',
					itemIndex: itemIndexOf(context),
				}
			: {
					message: `PostHog’s rate limit for this API key leaves no room for ${seconds} s, longer than Max Wait (${policy.maxWaitSeconds} s)`,
					description: `${limits} The request was not sent. Run again in ${seconds} s, raise Max Wait under Options, or spread the work over time.`,
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
export function networkError(context: RequestContext, error: unknown, host: string): unknown {
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
export function withAppliedWrites(context: RequestContext, error: unknown): unknown {
	if (!isItemContext(context) || context.continueOnFail() || !(error instanceof NodeApiError)) {
		return error;
	}
	const note = appliedWritesNote(context);
	if (note) error.description = `${error.description ?? ''}${note}`.trim();
	return error;
}
