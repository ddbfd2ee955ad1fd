'use strict';
// The HogQL queries the emulator answers: a table of query shapes (regular expressions over
// the canonical text of hogqlText.js) → functions over the seeded state. Not a SQL engine: a
// select item is a column, `properties.<key>`, `count()` or `toDate(<datetime column>)`;
// WHERE is comparisons joined by AND; ORDER BY names select items or columns. Anything else
// is a 501 (errors.emulatorUnsupported), never a made-up answer. README.md lists the shapes.
const errors = require('../errors');
const { parseIsoMicros, normalizeIso } = require('../time');
const { personForEvent } = require('./events');
const { queryError } = require('./hogqlText');

const DATETIME6 = "DateTime64(6, 'UTC')";
const json = (value) => JSON.stringify(value ?? {});

/** HogQL tables: rows of a project, and each column as [ClickHouse type, getter]. */
const TABLES = {
	events: {
		rows: (state, projectId) => state.events.filter((e) => e.project_id === projectId),
		columns: {
			uuid: ['UUID', (e) => e.uuid],
			event: ['String', (e) => e.event],
			distinct_id: ['String', (e) => e.distinct_id],
			timestamp: [DATETIME6, (e) => e.timestamp],
			person_id: ['UUID', (e, state) => personForEvent(state, e)?.uuid ?? null],
			properties: ['String', (e) => json(e.properties)],
			elements_chain: ['String', (e) => e.elements_chain || ''],
		},
	},
	persons: {
		rows: (state, projectId) => state.persons.filter((p) => p.project_id === projectId),
		columns: {
			id: ['UUID', (p) => p.uuid],
			created_at: ["DateTime64(3, 'UTC')", (p) => p.created_at],
			is_identified: ['Bool', (p) => Boolean(p.is_identified)],
			properties: ['String', (p) => json(p.properties)],
		},
	},
	// each distinct ID's current person (HogQL's lazy table over PostgreSQL's rows)
	person_distinct_ids: {
		rows: (state, projectId) =>
			state.persons
				.filter((p) => p.project_id === projectId)
				.flatMap((p) => p.distinct_ids.map((distinct_id) => ({ distinct_id, person: p.uuid }))),
		columns: {
			distinct_id: ['String', (r) => r.distinct_id],
			person_id: ['UUID', (r) => r.person],
		},
	},
	groups: {
		rows: (state, projectId) => state.groups.filter((g) => g.project_id === projectId),
		columns: {
			index: ['UInt8', (g) => g.group_type_index],
			key: ['String', (g) => g.group_key],
			created_at: [DATETIME6, (g) => g.created_at],
			updated_at: [DATETIME6, (g) => g.updated_at ?? g.created_at],
			properties: ['String', (g) => json(g.group_properties)],
		},
	},
};

/** Real HogQL fields the emulator does not model: a 501, not "Unable to resolve field". */
const UNMODELLED_FIELDS = new Set([
	'created_at',
	'team_id',
	'person',
	'pdi',
	'session',
	'$session_id',
	'$window_id',
	'last_seen_at',
	'version',
	'group_0',
	'group_1',
	'group_2',
	'group_3',
	'group_4',
	'$group_0',
	'$group_1',
	'$group_2',
	'$group_3',
	'$group_4',
]);

const propertyText = (value) =>
	value === undefined || value === null
		? null
		: typeof value === 'object'
			? JSON.stringify(value)
			: String(value);

/** One expression: `{ name, type, get(row, state) }`, or throws (400 unknown field, 501 unsupported). */
function expression(text, table) {
	const def = TABLES[table];
	if (/^count\(\)$/i.test(text)) return { name: text, type: 'UInt64', aggregate: true };
	let m;
	if ((m = /^properties\.([\w$]+)$/.exec(text))) {
		const key = m[1];
		const source = { events: 'properties', persons: 'properties', groups: 'group_properties' }[
			table
		];
		return { name: text, type: 'Nullable(String)', get: (row) => propertyText(row[source]?.[key]) };
	}
	if (
		(m = /^toDate\((\w+)\)$/.exec(text)) &&
		def.columns[m[1]] &&
		def.columns[m[1]][0].startsWith('DateTime')
	) {
		const [, getter] = def.columns[m[1]];
		return {
			name: text,
			type: 'Date',
			get: (row, state) => normalizeIso(getter(row, state)).slice(0, 10),
		};
	}
	if (/^[\w$.]+$/.test(text)) {
		if (def.columns[text]) {
			const [type, getter] = def.columns[text];
			return {
				name: text,
				type,
				get: (row, state) =>
					type.startsWith('DateTime') ? normalizeIso(getter(row, state)) : getter(row, state),
			};
		}
		if (UNMODELLED_FIELDS.has(text) || text.includes('.'))
			throw errors.emulatorUnsupported(`the HogQL field ${text} of ${table}`);
		throw queryError(`Unable to resolve field: ${text}`);
	}
	throw errors.emulatorUnsupported(`the HogQL expression ${text}`);
}

/** Splits on top-level ", ". */
function splitList(text) {
	const items = [];
	let depth = 0;
	let start = 0;
	for (let i = 0; i < text.length; i++) {
		if (text[i] === '(') depth++;
		else if (text[i] === ')') depth--;
		else if (depth === 0 && text.startsWith(', ', i)) {
			items.push(text.slice(start, i));
			start = i + 2;
		}
	}
	items.push(text.slice(start));
	return items;
}

function selectList(text, table) {
	return splitList(text).map((item) => {
		const m = /^(.+) AS (\w+)$/.exec(item);
		const expr = expression(m ? m[1] : item, table);
		return { ...expr, alias: m ? m[2] : null, column: m ? m[2] : expr.name };
	});
}

const INTERVAL_MS = { SECOND: 1e3, MINUTE: 6e4, HOUR: 36e5, DAY: 864e5, WEEK: 6048e5 };

/** A WHERE operand: a constant, now()/today() arithmetic, toDateTime/toDate of a string. */
function constant(text, literals, now) {
	let m;
	if ((m = /^\$s(\d+)$/.exec(text))) return literals[Number(m[1])];
	if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
	if (text === 'TRUE' || text === 'FALSE') return text === 'TRUE';
	if ((m = /^(now|today)\(\)(?: - INTERVAL (\d+) (SECOND|MINUTE|HOUR|DAY|WEEK))?$/.exec(text))) {
		const minus = m[2] ? Number(m[2]) * INTERVAL_MS[m[3]] : 0;
		if (m[1] === 'today')
			return new Date(Math.floor(now.getTime() / 864e5) * 864e5 - minus).toISOString().slice(0, 10);
		return new Date(now.getTime() - minus).toISOString();
	}
	if ((m = /^(toDateTime|toDate)\(\$s(\d+)\)$/.exec(text))) {
		const iso = normalizeIso(literals[Number(m[2])]);
		if (iso === null)
			throw queryError(
				`Cannot parse string '${literals[Number(m[2])]}' as ${m[1] === 'toDate' ? 'Date' : 'DateTime'}`,
			);
		return m[1] === 'toDate' ? iso.slice(0, 10) : iso;
	}
	throw errors.emulatorUnsupported(`the HogQL operand ${text}`);
}

/** Orders two values the way ClickHouse compares a column of `type` with a constant. */
function compare(type, a, b) {
	if (type.startsWith('DateTime') && typeof b === 'string')
		[a, b] = [parseIsoMicros(a), parseIsoMicros(b)];
	else if (type === 'Date' && typeof b === 'string' && b.length > 10)
		[a, b] = [parseIsoMicros(a), parseIsoMicros(b)]; // Date vs DateTime: midnight
	else if (
		typeof b === 'number' &&
		typeof a === 'string' &&
		a.trim() !== '' &&
		!Number.isNaN(Number(a))
	)
		a = Number(a);
	return a < b ? -1 : a > b ? 1 : 0;
}

const OPERATORS = {
	'=': (c) => c === 0,
	'==': (c) => c === 0,
	'!=': (c) => c !== 0,
	'<>': (c) => c !== 0,
	'<': (c) => c < 0,
	'<=': (c) => c <= 0,
	'>': (c) => c > 0,
	'>=': (c) => c >= 0,
};

/** WHERE: conditions joined by AND, each `<expr> <op> <operand>` or `<expr> IN (<constants>)`. */
function whereFilter(text, table, literals, now) {
	if (!text) return () => true;
	if (/ OR | NOT /.test(` ${text} `)) throw errors.emulatorUnsupported('OR/NOT in WHERE');
	const conditions = text.split(' AND ').map((part) => {
		let m;
		if ((m = /^(.+?) IN \((.+)\)$/.exec(part))) {
			const expr = expression(m[1], table);
			const options = splitList(m[2]).map((o) => constant(o, literals, now));
			return (row, state) => {
				const actual = expr.get(row, state);
				return (
					actual !== null &&
					actual !== undefined &&
					options.some((o) => compare(expr.type, actual, o) === 0)
				);
			};
		}
		if ((m = /^(.+?) (=|==|!=|<>|<=|>=|<|>) (.+)$/.exec(part))) {
			const expr = expression(m[1], table);
			const value = constant(m[3], literals, now);
			const test = OPERATORS[m[2]];
			return (row, state) => {
				const actual = expr.get(row, state);
				return actual !== null && actual !== undefined && test(compare(expr.type, actual, value));
			};
		}
		throw errors.emulatorUnsupported(`the HogQL condition ${part}`);
	});
	return (row, state) => conditions.every((condition) => condition(row, state));
}

/** ORDER BY items → [{ index into the select list or an extra expression, desc }]. */
function orderKeys(text, select, table) {
	if (!text) return [];
	return splitList(text).map((item) => {
		const m = /^(.+?)(?: (ASC|DESC))?$/.exec(item);
		const index = select.findIndex((s) => s.alias === m[1] || s.name === m[1]);
		return { index, expr: index === -1 ? expression(m[1], table) : null, desc: m[2] === 'DESC' };
	});
}

function compareRows(keys, a, b) {
	for (const key of keys) {
		const [x, y] = [a.sortValues[key.position], b.sortValues[key.position]];
		if (x === y) continue;
		if (x === null || x === undefined) return 1; // ClickHouse: NULLs last
		if (y === null || y === undefined) return -1;
		return (x < y ? -1 : 1) * (key.desc ? -1 : 1);
	}
	return 0;
}

/** `SELECT <columns> FROM <table> [WHERE …] [ORDER BY …]`: one output row per stored row. */
function selectRows(
	{ select: selectText, table, where, order },
	{ state, projectId, literals, now },
) {
	const select = selectList(selectText, table);
	if (select.some((s) => s.aggregate))
		throw errors.emulatorUnsupported('count() mixed with columns without GROUP BY');
	const keys = orderKeys(order, select, table).map((k, position) => ({ ...k, position }));
	const keep = whereFilter(where, table, literals, now);
	const rows = TABLES[table]
		.rows(state, projectId)
		.filter((row) => keep(row, state))
		.map((row) => ({
			values: select.map((s) => s.get(row, state)),
			sortValues: keys.map((k) =>
				k.expr ? k.expr.get(row, state) : select[k.index].get(row, state),
			),
		}));
	if (keys.length) rows.sort((a, b) => compareRows(keys, a, b));
	return { select, rows: rows.map((r) => r.values) };
}

/** `SELECT <keys…>, count() FROM <table> [WHERE …] GROUP BY <keys> [ORDER BY …]`, or count() alone. */
function countRows(
	{ select: selectText, table, where, group, order },
	{ state, projectId, literals, now },
) {
	const select = selectList(selectText, table);
	const keyItems = select.filter((s) => !s.aggregate);
	const groupBy = group ? splitList(group) : [];
	const grouped = groupBy.map((g) =>
		select.find((s) => !s.aggregate && (s.alias === g || s.name === g)),
	);
	if (grouped.includes(undefined) || grouped.length !== keyItems.length) {
		throw errors.emulatorUnsupported(
			'a GROUP BY that is not exactly the non-aggregate select items',
		);
	}
	const keep = whereFilter(where, table, literals, now);
	const groups = new Map();
	for (const row of TABLES[table].rows(state, projectId)) {
		if (!keep(row, state)) continue;
		const values = keyItems.map((s) => s.get(row, state));
		const id = JSON.stringify(values);
		if (!groups.has(id)) groups.set(id, { values, count: 0 });
		groups.get(id).count++;
	}
	if (!keyItems.length && !groups.size) groups.set('[]', { values: [], count: 0 }); // count() of nothing is 0
	const rows = [...groups.values()].map((g) => {
		let k = 0;
		return select.map((s) => (s.aggregate ? g.count : g.values[k++]));
	});
	// ClickHouse returns groups in no particular order; without ORDER BY the emulator sorts by the keys
	const keys = orderKeys(order, select, table);
	if (keys.some((k) => k.index === -1))
		throw errors.emulatorUnsupported('ORDER BY an expression that is not selected');
	const sortKeys = keys.length
		? keys
		: select.map((s, index) => ({ index, desc: false })).filter((k) => !select[k.index].aggregate);
	const positioned = rows.map((values) => ({
		values,
		sortValues: sortKeys.map((k) => values[k.index]),
	}));
	positioned.sort((a, b) =>
		compareRows(
			sortKeys.map((k, position) => ({ ...k, position })),
			a,
			b,
		),
	);
	return { select, rows: positioned.map((r) => r.values) };
}

/** The query shapes, tried in order on the canonical text (no LIMIT/OFFSET; literals as $sN). */
const QUERIES = [
	{
		shape: 'SELECT <keys>, count() FROM <table> [WHERE …] GROUP BY <keys> [ORDER BY …]',
		pattern:
			/^SELECT (?<select>.+?) FROM (?<table>\w+)(?: WHERE (?<where>.+?))? GROUP BY (?<group>.+?)(?: ORDER BY (?<order>.+))?$/,
		run: countRows,
	},
	{
		shape: 'SELECT count() FROM <table> [WHERE …]',
		pattern:
			/^SELECT (?<select>(?:count|COUNT)\(\)(?: AS \w+)?) FROM (?<table>\w+)(?: WHERE (?<where>.+))?$/,
		run: countRows,
	},
	{
		shape: 'SELECT <columns> FROM <table> [WHERE …] [ORDER BY …]',
		pattern:
			/^SELECT (?<select>.+?) FROM (?<table>\w+)(?: WHERE (?<where>.+?))?(?: ORDER BY (?<order>.+))?$/,
		run: selectRows,
	},
];

/** Runs a prepared query: `{ columns, types, rows }` (every matching row; the caller pages). */
function runQuery(prepared, context) {
	for (const { pattern, run } of QUERIES) {
		const m = pattern.exec(prepared.canonical);
		if (!m) continue;
		if (!TABLES[m.groups.table])
			throw errors.emulatorUnsupported(`the HogQL table ${m.groups.table}`);
		const { select, rows } = run(m.groups, { ...context, literals: prepared.literals });
		return {
			columns: select.map((s) => s.column),
			types: select.map((s) => [s.column, s.type]),
			rows,
		};
	}
	throw errors.emulatorUnsupported(`this HogQL query: ${prepared.canonical}`);
}

module.exports = { runQuery, QUERIES, TABLES };
