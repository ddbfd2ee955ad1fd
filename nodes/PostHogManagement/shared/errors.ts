import {
	NodeApiError,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IN8nHttpFullResponse,
	type INode,
	type INodeExecutionData,
	type JsonObject,
} from 'n8n-workflow';

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

/** The body PostHog answered an error with, as kept in the NodeApiError, or `{}`. */
export function errorBodyOf(error: unknown): PostHogErrorBody {
	const body = error instanceof NodeApiError ? error.errorResponse : undefined;
	return body && typeof body === 'object' && !Array.isArray(body) ? (body as PostHogErrorBody) : {};
}
