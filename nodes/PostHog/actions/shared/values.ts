const JSON_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * The value PostHog should store for a property typed in n8n: JSON text (`{…}`, `[…]`,
 * a number, `true`/`false`) is sent as that JSON value, anything else as the string itself.
 * Numbers with leading zeros (zip codes, ids) stay strings. Returns `undefined` for text that
 * looks like a JSON object or array but does not parse, so the caller can refuse it.
 */
export function toPostHogValue(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	const text = value.trim();
	if (text === 'true') return true;
	if (text === 'false') return false;
	if (JSON_NUMBER.test(text)) return Number(text);
	if (text.startsWith('{') || text.startsWith('[')) {
		try {
			return JSON.parse(text) as unknown;
		} catch {
			return undefined;
		}
	}
	return value;
}
