'use strict';
// Switchable faults for the emulator: each returns an `emu.override` function. An override that
// returns undefined lets the request through to the normal routes.
//   emu.override = faults.throttle({ requests: 480, windowMs: 1000 });
//   emu.override = faults.first(2, faults.serverError(503));

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * PostHog's throttling (DRF SimpleRateThrottle, docs/posthog-api.md §0 "Rate limits") per API key:
 * at most `requests` in any `windowMs`; a throttled request gets PostHog's 429 body, with a
 * Retry-After header when `retryAfterHeader` (drf-exceptions-hog ≥ 0.4.0), and is not processed.
 * `windowMs` scales the minute down so a test need not wait for wall-clock minutes; `now` is the
 * clock it reads (a test's fake clock, so the node's fake waits pass for the throttle too).
 */
function throttle({ requests, windowMs, retryAfterHeader = true, now: clock = Date.now }) {
	const history = new Map(); // key -> timestamps, newest first
	return (req) => {
		const key = String(req.headers.authorization ?? '');
		const now = clock();
		const times = (history.get(key) ?? []).filter((t) => t > now - windowMs);
		if (times.length >= requests) {
			// DRF's wait(): the time until the oldest request leaves the window, spread over what is left.
			const remainingMs = windowMs - (now - times[times.length - 1]);
			const seconds = Math.max(1, Math.ceil(remainingMs / 1000 / (requests - times.length + 1)));
			history.set(key, times);
			return {
				status: 429,
				headers: retryAfterHeader ? { 'Retry-After': String(seconds) } : {},
				body: {
					type: 'throttled_error',
					code: 'throttled',
					detail: `Request was throttled. Expected available in ${seconds} second${seconds === 1 ? '' : 's'}.`,
					attr: null,
				},
			};
		}
		history.set(key, [now, ...times]);
		return undefined;
	};
}

/** Applies `fault` to the first `count` requests (that `matches`), then lets everything through. */
function first(count, fault, matches = () => true) {
	let left = count;
	return async (req, record) => {
		if (left <= 0 || !matches(record)) return undefined;
		left -= 1;
		return await fault(req, record);
	};
}

/** Applies `fault` to every request (that `matches`). */
function always(fault, matches = () => true) {
	return async (req, record) => (matches(record) ? await fault(req, record) : undefined);
}

const rateLimited =
	({ seconds = 1, retryAfterHeader = true } = {}) =>
	() => ({
		status: 429,
		headers: retryAfterHeader ? { 'Retry-After': String(seconds) } : {},
		body: {
			type: 'throttled_error',
			code: 'throttled',
			detail: `Request was throttled. Expected available in ${seconds} seconds.`,
			attr: null,
		},
	});

/** A bare 429 with neither Retry-After nor the "Expected available" text. */
const rateLimitedWithoutHint = () => () => ({
	status: 429,
	body: {
		type: 'throttled_error',
		code: 'throttled',
		detail: 'Request was throttled.',
		attr: null,
	},
});

const serverError =
	(status = 500) =>
	() => ({
		status,
		body: { type: 'server_error', code: 'error', detail: 'A server error occurred.', attr: null },
	});

/** An HTML error page, as a proxy in front of self-hosted PostHog serves. */
const htmlPage =
	(status = 502) =>
	() => ({
		status,
		headers: { 'content-type': 'text/html; charset=utf-8' },
		body: `<html><head><title>${status} Bad Gateway</title></head><body><center><h1>${status} Bad Gateway</h1></center><hr><center>nginx</center></body></html>`,
	});

/** JSON cut off half way, with a JSON content type. */
const truncatedJson =
	(status = 200) =>
	() => ({
		status,
		headers: { 'content-type': 'application/json' },
		body: '{"group_type_index": 0, "group_key": "acme", "group_properties": {"name": "Ac',
	});

/** The connection is cut without any answer. */
const dropConnection = () => () => ({ drop: true });

/** Answers normally, but only after `ms` milliseconds. */
const slow = (ms) => async () => {
	await sleep(ms);
	return undefined;
};

module.exports = {
	throttle,
	first,
	always,
	rateLimited,
	rateLimitedWithoutHint,
	serverError,
	htmlPage,
	truncatedJson,
	dropConnection,
	slow,
};
