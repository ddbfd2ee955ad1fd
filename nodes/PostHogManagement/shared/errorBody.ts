import { NodeApiError } from 'n8n-workflow';

/** PostHog's standard error body (docs/posthog-api.md §0), as kept by `postHogApiError`. */
export type PostHogErrorBody = { type?: unknown; code?: unknown; detail?: unknown; attr?: unknown };

/** The HTTP status of a PostHog error ("404"), or undefined for anything else. */
export function httpStatusOf(error: unknown): string | undefined {
	return error instanceof NodeApiError && error.httpCode ? String(error.httpCode) : undefined;
}

/** The body PostHog answered an error with, or `{}`. */
export function errorBodyOf(error: unknown): PostHogErrorBody {
	const body = error instanceof NodeApiError ? error.errorResponse : undefined;
	return body && typeof body === 'object' && !Array.isArray(body) ? (body as PostHogErrorBody) : {};
}
