'use strict';
// The opaque cursor of groups/ (docs/posthog-api.md §2.1): base64url (WITH padding) of the
// Python json.dumps of `{"c": <created_at µs>, "k": <group_key>}`.

/** Python `json.dumps` of a string (ensure_ascii=True). */
const pyJsonString = (text) =>
	JSON.stringify(text).replace(
		/[\u007f-\uffff]/g,
		(c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'),
	);

function encodeCursor(createdAtMicros, groupKey) {
	const text = `{"c": ${createdAtMicros}, "k": ${pyJsonString(groupKey)}}`;
	return Buffer.from(text, 'utf8').toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
}

/** Python `str(value)` for the JSON values a cursor could hold. */
function pyStr(value) {
	if (typeof value === 'string') return value;
	if (value === null) return 'None';
	if (typeof value === 'boolean') return value ? 'True' : 'False';
	return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Python `int(value)` for a JSON value, or null where it raises. */
function pyIntOfJson(value) {
	if (typeof value === 'boolean') return value ? 1 : 0;
	if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) : null;
	if (typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value))
		return Number.parseInt(value, 10);
	return null;
}

/**
 * Returns `[createdAtMicros, groupKey]`. Anything undecodable, or an old-format cursor
 * without "k", is silently "no cursor" (null), i.e. page 1 again (§2.1 looping hazard).
 * Like Python's b64decode, a cursor that lost its "=" padding is undecodable.
 */
function decodeCursor(cursor) {
	const b64 = cursor
		.replace(/-/g, '+')
		.replace(/_/g, '/')
		.replace(/[^A-Za-z0-9+/=]/g, '');
	if (b64.length % 4 !== 0) return null;
	let data;
	try {
		data = JSON.parse(Buffer.from(b64, 'base64').toString('utf8'));
	} catch {
		return null;
	}
	if (data === null || typeof data !== 'object' || Array.isArray(data) || !('k' in data))
		return null;
	let micros = 'c' in data ? pyIntOfJson(data.c) : 0;
	if (micros === null) return null;
	if (micros > 0 && micros < 1e15) micros *= 1000; // millisecond cursors are scaled up
	return [micros, pyStr(data.k)];
}

module.exports = { encodeCursor, decodeCursor };
