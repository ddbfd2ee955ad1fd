'use strict';
// DRF LimitOffsetPagination (docs/posthog-api.md §0 "Pagination") and the URL helpers that
// build PostHog's absolute `next`/`previous` links from the request's Host header.
const { pyInt } = require('./validate');

/** Python's `urllib.parse.quote_plus`: like encodeURIComponent, but also !'()* and spaces as '+'. */
function quotePlus(text) {
	return encodeURIComponent(String(text))
		.replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())
		.replace(/%20/g, '+');
}

/** Python's `urlencode(pairs)`. */
const urlencode = (pairs) => pairs.map(([k, v]) => `${quotePlus(k)}=${quotePlus(v)}`).join('&');

/** Django's `request.build_absolute_uri(path)`: scheme + Host header + path. */
const absoluteUri = (ctx, pathAndQuery) => `http://${ctx.req.headers.host}${pathAndQuery}`;

/** Django's `request.build_absolute_uri()` with no argument: the URL as requested. */
const requestUri = (ctx) => absoluteUri(ctx, ctx.path + ctx.search);

/** DRF `replace_query_param` / `remove_query_param`: the query is re-encoded with keys sorted. */
function setQueryParams(url, changes) {
	const parsed = new URL(url);
	const params = new Map();
	for (const [k, v] of parsed.searchParams) params.set(k, [...(params.get(k) || []), v]);
	for (const [k, v] of Object.entries(changes)) {
		if (v === undefined) params.delete(k);
		else params.set(k, [String(v)]);
	}
	const pairs = [...params.keys()].sort().flatMap((k) => params.get(k).map((v) => [k, v]));
	return `${parsed.origin}${parsed.pathname}${pairs.length ? '?' + urlencode(pairs) : ''}`;
}

/** DRF `_positive_int`: null when DRF would fall back to the default. */
function positiveInt(text, strict) {
	const n = text === undefined ? null : pyInt(text);
	if (n === null || n < 0 || (strict && n === 0)) return null;
	return n;
}

/** `{count, next, previous, results}` exactly as DRF LimitOffsetPagination builds it. */
function limitOffsetPage(ctx, items, defaultLimit = 100) {
	const limit = positiveInt(ctx.query.limit, true) ?? defaultLimit;
	const offset = positiveInt(ctx.query.offset, false) ?? 0;
	const count = items.length;
	const url = setQueryParams(requestUri(ctx), { limit });
	let previous = null;
	if (offset > 0) {
		previous = setQueryParams(url, { offset: offset - limit <= 0 ? undefined : offset - limit });
	}
	return {
		count,
		next: offset + limit >= count ? null : setQueryParams(url, { offset: offset + limit }),
		previous,
		results: items.slice(offset, offset + limit),
	};
}

module.exports = { quotePlus, urlencode, absoluteUri, requestUri, setQueryParams, limitOffsetPage };

/**
 * PostHog's `format_query_params_absolute_url`, used by activity pages (§2.3): swaps the
 * digits of an existing `page=`/`limit=` in the requested URL, or appends the param.
 */
function replaceOrAppendParam(url, name, value) {
	const pattern = `([&?]${name}=)(\\d+)`;
	if (new RegExp(pattern).test(url)) return url.replace(new RegExp(pattern, 'g'), `$1${value}`);
	return `${url}${url.includes('?') ? '&' : '?'}${name}=${value}`;
}

function pageUrl(ctx, page, limit) {
	let url = requestUri(ctx);
	if (page) url = replaceOrAppendParam(url, 'page', page);
	if (limit) url = replaceOrAppendParam(url, 'limit', limit);
	return url;
}

module.exports.pageUrl = pageUrl;
