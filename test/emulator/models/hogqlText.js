'use strict';
// HogQL text → one canonical line the query table matches (see hogqlQueries.js). Not a
// parser: it tokenises, substitutes `{placeholders}` from `values` (HogQLQueryRunner turns
// each value into a constant), catches the errors the real parser reports before running
// anything, and pulls off a trailing LIMIT/OFFSET. String literals become `$s0`, `$s1`… so
// patterns never see quotes. docs/posthog-api-part2.md §5.2.
const errors = require('../errors');

const KEYWORDS = new Set(
	'SELECT FROM WHERE GROUP BY ORDER LIMIT OFFSET AS AND OR NOT IN IS NULL ASC DESC INTERVAL SECOND MINUTE HOUR DAY WEEK MONTH YEAR WITH JOIN LEFT INNER ON HAVING UNION ALL DISTINCT TRUE FALSE'.split(
		' ',
	),
);
const INTERVAL_UNITS = new Set(['SECOND', 'MINUTE', 'HOUR', 'DAY', 'WEEK', 'MONTH', 'YEAR']);
/** HogQL's own tables (a query on another name is "Unknown table"). */
const HOGQL_TABLES = new Set([
	'events',
	'persons',
	'groups',
	'sessions',
	'person_distinct_ids',
	'cohort_people',
	'session_replay_events',
	'numbers',
	'query_log',
	'logs',
]);
const MAX_SELECT_RETURNED_ROWS = 50000; // posthog/hogql/constants.py
const DEFAULT_RETURNED_ROWS = 100;

/** A HogQL/ClickHouse user error: 400 validation_error with the message, `attr` null (§5.2). */
const queryError = (message) => errors.validation(null, message);

const OFFSET_NOT_ALLOWED =
	'OFFSET is not supported on queries made with a personal API key. For pagination, use keyset pagination on the `timestamp` column, e.g. `WHERE timestamp > :last_seen_timestamp ORDER BY timestamp LIMIT N`. For bulk data extraction, use batch exports: https://posthog.com/docs/cdp/batch-exports';

function tokenize(text) {
	const tokens = [];
	let i = 0;
	while (i < text.length) {
		const rest = text.slice(i);
		let m;
		if ((m = /^(\s+|--[^\n]*)/.exec(rest))) {
			i += m[0].length;
		} else if (rest[0] === "'") {
			m = /^'((?:[^'\\]|\\.|'')*)'/.exec(rest);
			if (!m) throw queryError(`token recognition error at: '${rest}'`);
			tokens.push({ kind: 'str', value: m[1].replace(/''/g, "'").replace(/\\(.)/g, '$1') });
			i += m[0].length;
		} else if ((m = /^\{\s*([A-Za-z_][\w.]*)\s*\}/.exec(rest))) {
			tokens.push({ kind: 'placeholder', value: m[1] });
			i += m[0].length;
		} else if ((m = /^\d+(\.\d+)?/.exec(rest))) {
			tokens.push({ kind: 'num', value: m[0] });
			i += m[0].length;
		} else if ((m = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*/.exec(rest))) {
			const upper = m[0].toUpperCase();
			// interval units are keywords only after `INTERVAL <n>` (`AS day` is a name)
			const unit =
				INTERVAL_UNITS.has(upper) &&
				!(tokens.length > 1 && tokens[tokens.length - 2].value === 'INTERVAL');
			tokens.push(
				KEYWORDS.has(upper) && !unit
					? { kind: 'kw', value: upper }
					: { kind: 'ident', value: m[0] },
			);
			i += m[0].length;
		} else if ((m = /^(<=|>=|!=|<>|==|[-+*/%(),=<>;])/.exec(rest))) {
			tokens.push({ kind: 'op', value: m[0] });
			i += m[0].length;
		} else {
			// valid HogQL (quoted identifiers, arrays, lambdas…) that this emulator does not read
			throw errors.emulatorUnsupported(`HogQL syntax near ${JSON.stringify(rest.slice(0, 20))}`);
		}
	}
	return tokens;
}

/** `values` become constants (HogQLQueryRunner.to_query); a missing one is a QueryError. */
function substitutePlaceholders(tokens, values) {
	return tokens.map((token) => {
		if (token.kind !== 'placeholder') return token;
		const names = values ? Object.keys(values) : [];
		if (!names.length) throw queryError(`Unresolved placeholder: {${token.value}}`);
		if (
			!(token.value in values) ||
			values[token.value] === null ||
			values[token.value] === undefined
		) {
			throw queryError(
				`Placeholder {${token.value}} is not available in this context. You can use the following: ${names.join(', ')}`,
			);
		}
		const value = values[token.value];
		if (typeof value === 'string') return { kind: 'str', value };
		if (typeof value === 'number') return { kind: 'num', value: String(value) };
		if (typeof value === 'boolean') return { kind: 'kw', value: value ? 'TRUE' : 'FALSE' };
		throw errors.emulatorUnsupported(
			`placeholder {${token.value}} holds a ${Array.isArray(value) ? 'list' : 'dict'}`,
		);
	});
}

function checkParentheses(tokens) {
	let depth = 0;
	for (const token of tokens) {
		if (token.value === '(' && token.kind === 'op') depth++;
		if (token.value === ')' && token.kind === 'op' && --depth < 0)
			throw queryError("extraneous input ')' expecting <EOF>");
	}
	if (depth > 0) throw queryError("missing ')' at '<EOF>'");
}

/** Joins tokens into one line: `SELECT event, count() FROM events WHERE event = $s0`. */
function canonicalText(tokens, literals) {
	let out = '';
	tokens.forEach((token, i) => {
		const prev = tokens[i - 1];
		let text = token.value;
		if (token.kind === 'str') {
			text = `$s${literals.length}`;
			literals.push(token.value);
		}
		const glued =
			!prev ||
			(token.kind === 'op' && (token.value === ',' || token.value === ')')) ||
			(prev.kind === 'op' && prev.value === '(') ||
			(token.value === '(' && prev.kind === 'ident');
		out += (glued ? '' : ' ') + text;
	});
	return out;
}

/**
 * Parses the query text into `{ canonical, literals, limit, offset, explicitLimit }`, where
 * `canonical` has no LIMIT/OFFSET clause, or throws PostHog's 400.
 */
function prepareHogQL(text, values, { offsetBlocked = false } = {}) {
	let tokens = substitutePlaceholders(tokenize(text), values);
	while (tokens.length && tokens[tokens.length - 1].value === ';') tokens = tokens.slice(0, -1);
	if (!tokens.length) throw queryError("mismatched input '<EOF>' expecting {SELECT, WITH, '('}");
	checkParentheses(tokens);
	if (tokens[0].value !== 'SELECT' && tokens[0].value !== 'WITH' && tokens[0].value !== '(') {
		throw queryError(
			`no viable alternative at input '${tokens[0].kind === 'str' ? `'${tokens[0].value}'` : tokens[0].value}'`,
		);
	}
	tokens.forEach((token, i) => {
		const next = tokens[i + 1];
		if (
			(token.value === 'FROM' || token.value === 'JOIN') &&
			next &&
			next.kind === 'ident' &&
			!HOGQL_TABLES.has(next.value)
		) {
			throw queryError(`Unknown table \`${next.value}\`.`);
		}
	});
	const literals = [];
	let canonical = canonicalText(tokens, literals);
	let limit = null;
	let offset = 0;
	const tail = / LIMIT (\d+)(?:, (\d+)| OFFSET (\d+))?$/.exec(canonical);
	if (tail) {
		canonical = canonical.slice(0, tail.index);
		if (tail[2] !== undefined)
			[offset, limit] = [Number(tail[1]), Number(tail[2])]; // LIMIT offset, count
		else [limit, offset] = [Number(tail[1]), Number(tail[3] ?? 0)];
	}
	if (offsetBlocked && tail && (tail[2] !== undefined || tail[3] !== undefined))
		throw queryError(OFFSET_NOT_ALLOWED);
	return { canonical, literals, limit, offset, explicitLimit: limit !== null };
}

/** The `hogql` field: the query as run, literals restored, with the LIMIT actually applied. */
function printedHogQL(prepared, limit, offset) {
	const text = prepared.canonical.replace(
		/\$s(\d+)/g,
		(_, n) => `'${prepared.literals[Number(n)].replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`,
	);
	return `${text} LIMIT ${limit}${offset || !prepared.explicitLimit ? ` OFFSET ${offset}` : ''}`;
}

module.exports = {
	prepareHogQL,
	printedHogQL,
	queryError,
	MAX_SELECT_RETURNED_ROWS,
	DEFAULT_RETURNED_ROWS,
};
