'use strict';
// Generators for the values PostHog makes up: uuid7 ids, url-safe tokens, short ids.
const crypto = require('crypto');

/** A uuid7 (48-bit millisecond timestamp + random), as PostHog uses for file-system rows. */
function uuid7(date = new Date()) {
	const bytes = crypto.randomBytes(16);
	let ms = date.getTime();
	for (let i = 5; i >= 0; i--) {
		bytes[i] = ms % 256;
		ms = Math.floor(ms / 256);
	}
	bytes[6] = (bytes[6] & 0x0f) | 0x70;
	bytes[8] = (bytes[8] & 0x3f) | 0x80;
	const hex = bytes.toString('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Python's `secrets.token_urlsafe(n)`. */
const tokenUrlsafe = (n) => crypto.randomBytes(n).toString('base64url');

const ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** PostHog's 8-character short ids (insights, notebooks). */
function shortId() {
	const bytes = crypto.randomBytes(8);
	return [...bytes].map((b) => ALPHANUMERIC[b % ALPHANUMERIC.length]).join('');
}

/** Deterministic uuid for seed rows: `prefix` is the first group, `n` the last. */
const fixedUuid = (prefix, n) => `${prefix}-c3d4-7e5f-8a6b-${n.toString(16).padStart(12, '0')}`;

/** Canonical form for comparing uuids the way Django's UUIDField does (case, hyphens). */
function normalizeUuid(text) {
	const hex = String(text).toLowerCase().replace(/[{}-]/g, '');
	return /^[0-9a-f]{32}$/.test(hex) ? hex : null;
}

module.exports = { uuid7, tokenUrlsafe, shortId, fixedUuid, normalizeUuid };
