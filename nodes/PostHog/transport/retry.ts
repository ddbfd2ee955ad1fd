import { NodeApiError } from 'n8n-workflow';
import { isQueryRequest } from './rateLimits';
import type { RequestPolicy } from './requestPolicy';
import { clock } from './timing';

// Reads are retried after these; writes are not, since PostHog may have applied them (README, "Faults").
const RETRYABLE_SERVER_ERRORS = new Set(['500', '502', '503', '504']);
const RETRYABLE_NETWORK_ERRORS = new Set(['ECONNRESET', 'EPIPE', 'EAI_AGAIN', 'ETIMEDOUT']);

/** Exponential backoff with jitter: 0.5–1 s, 1–2 s, 2–4 s, … */
function backoffMs(attempt: number): number {
	const ceiling = 1000 * 2 ** (attempt - 1);
	return ceiling / 2 + clock.jitter(ceiling / 2);
}

/** The HTTP status of a NodeApiError, or n8n's network error code (ECONNRESET, …). */
export function errorCode(error: unknown): string | undefined {
	return error instanceof NodeApiError && error.httpCode ? String(error.httpCode) : undefined;
}

export const isRateLimited = (error: unknown): boolean => errorCode(error) === '429';

/** Seconds PostHog asked to wait, read from a 429 by `postHogApiError`. */
export function askedWaitSeconds(error: unknown): number | undefined {
	const seconds = error instanceof NodeApiError ? error.context.retryAfterSeconds : undefined;
	return typeof seconds === 'number' ? seconds : undefined;
}

/**
 * Whether a request only reads, so sending it again is harmless: a GET, or a HogQL query
 * (`POST query/`, which PostHog classes as a read, docs/posthog-api-part2.md §5.2).
 */
export const isRead = (method: string, url: string): boolean =>
	method.toUpperCase() === 'GET' || (method.toUpperCase() === 'POST' && isQueryRequest(url));

/**
 * How long to wait before the next attempt, or undefined when the failure is not worth
 * retrying: a 429 after the wait PostHog asks for (Retry-After, else "Expected available in N
 * seconds", else backoff), and for reads only (`isRead`), 5xx answers, connect timeouts and dropped
 * connections.
 */
export function retryDelayMs(
	error: unknown,
	request: { method: string; url: string },
	attempt: number,
	policy: RequestPolicy,
): number | undefined {
	const code = errorCode(error);
	if (code === '429') {
		if (!policy.retryOnRateLimit) return undefined;
		const asked = askedWaitSeconds(error);
		// Items throttled together would retry together; the jitter spreads them apart.
		return asked === undefined
			? backoffMs(attempt)
			: asked * 1000 + clock.jitter(Math.min(1000, asked * 250) + 1);
	}
	const retryable =
		code && (RETRYABLE_SERVER_ERRORS.has(code) || RETRYABLE_NETWORK_ERRORS.has(code));
	if (retryable && isRead(request.method, request.url)) {
		return backoffMs(attempt);
	}
	return undefined;
}
