'use strict';
// Datetimes the way Django REST framework renders them: UTC, ISO 8601, a trailing `Z`,
// and microseconds only when they are not zero ("2025-01-15T10:00:00Z", "…:00.250000Z").
// Internally a timestamp is an integer count of microseconds since the epoch.

const ISO_RE =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/** Parses an ISO 8601 string into epoch microseconds, or null when DRF would reject it. */
function parseIsoMicros(text) {
	if (typeof text !== 'string') return null;
	const m = ISO_RE.exec(text.trim());
	if (!m) return null;
	const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', tz] = m;
	const ms = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s);
	if (Number.isNaN(ms)) return null;
	let offsetMinutes = 0;
	if (tz && tz.toUpperCase() !== 'Z') {
		const sign = tz[0] === '-' ? -1 : 1;
		const digits = tz.slice(1).replace(':', '');
		offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || 0));
	}
	const micros = Number((frac + '000000').slice(0, 6));
	return (ms - offsetMinutes * 60000) * 1000 + micros;
}

/** Formats epoch microseconds like DRF's DateTimeField. */
function isoFromMicros(us) {
	const ms = Math.floor(us / 1000);
	const fraction = us - ms * 1000 + (ms % 1000) * 1000;
	const base = new Date(ms).toISOString().slice(0, 19);
	return fraction ? `${base}.${String(fraction).padStart(6, '0')}Z` : `${base}Z`;
}

const microsFromDate = (date) => date.getTime() * 1000;
const isoFromDate = (date) => isoFromMicros(microsFromDate(date));

/** Re-renders any accepted ISO string in DRF's output form (e.g. "+02:00" offsets become UTC). */
function normalizeIso(text) {
	const us = parseIsoMicros(text);
	return us === null ? null : isoFromMicros(us);
}

module.exports = { parseIsoMicros, isoFromMicros, microsFromDate, isoFromDate, normalizeIso };
