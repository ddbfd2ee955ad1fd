'use strict';
// The PostHog emulator (test/emulator) in its own process, driven over IPC by bench/run.js.
// A separate process keeps the emulator's CPU and memory out of the figures of the process
// being measured, as a remote PostHog would be. Nothing here changes the emulator's files:
// everything is done through its public `override` hook.
//
// The override:
//  - counts every request by `METHOD path` and empties `emu.requests` (the emulator logs every
//    request; 100,000-group runs would otherwise measure the log's growth);
//  - adds a fixed latency per request (`latencyMs`, 0 or 20 in the benchmark);
//  - answers `GET groups/?group_type_index=N[&cursor=…]` from a pre-sorted index instead of
//    the emulator's filter-and-sort over every group per page (O(n) per page, O(n²) per
//    Return All). The answer is the same, byte for byte: `selfCheck` compares them.
//  - when configured with `throttle` ({ requests, windowMs }), answers 429 past PostHog's
//    throttle per API key (test/emulator/faults.js), counted apart (bench/pacing.js).
const { startEmulator, seedGroups } = require('../test/emulator');
const g = require('../test/emulator/models/groups');
const { encodeCursor, decodeCursor } = require('../test/emulator/models/groupCursor');
const { parseIsoMicros } = require('../test/emulator/time');
const { urlencode } = require('../test/emulator/pagination');
const faults = require('../test/emulator/faults');

const PAGE_SIZE = 100;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

let emu;
let latencyMs = 0;
let fastList = true;
let counts = new Map();
let authFailures = 0;
let throttle = null;
let throttled = 0;
// API key → { total, throttled, firstAt, lastAt, passed, limited }: what each key sent, and when
// its requests arrived (ms after the first), let through or answered 429
let byKey = new Map();
// projectId:groupTypeIndex → { rows (sorted), micros (created_at µs, same order) }; rebuilt when groups change.
let index = new Map();
let indexedGroupCount = -1;

function sortedGroups(projectId, typeIndex) {
	if (indexedGroupCount !== emu.state.groups.length) {
		index = new Map();
		indexedGroupCount = emu.state.groups.length;
	}
	const key = `${projectId}:${typeIndex}`;
	let entry = index.get(key);
	if (!entry) {
		const rows = emu.state.groups
			.filter((x) => x.project_id === projectId && x.group_type_index === typeIndex)
			.sort(g.compareNewestFirst);
		entry = { rows, micros: rows.map((x) => parseIsoMicros(x.created_at)) };
		index.set(key, entry);
	}
	return entry;
}

/** The first row after (afterMicros, afterKey) in the list's newest-first order: binary search. */
function firstAfter({ rows, micros }, afterMicros, afterKey) {
	let lo = 0;
	let hi = rows.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		const after =
			micros[mid] < afterMicros || (micros[mid] === afterMicros && rows[mid].group_key < afterKey);
		if (after) hi = mid;
		else lo = mid + 1;
	}
	return lo;
}

/** listGroups of test/emulator/routes/groups.js for the no-search, no-key-filter case. */
function fastListGroups(req, record) {
	const { group_type_index: indexText, cursor, ...rest } = record.query;
	if (Object.keys(rest).length || !/^\d$/.test(indexText ?? '')) return undefined;
	const match = /^\/api\/projects\/(\d+)\/groups\/$/.exec(record.path);
	if (!match) return undefined;
	if (req.headers.authorization !== `Bearer ${emu.apiKey}`) return undefined; // the emulator answers 401/403
	const projectId = Number(match[1]);
	if (!emu.state.projects?.some?.((p) => p.id === projectId)) return undefined;
	const typeIndex = Number(indexText);
	const entry = sortedGroups(projectId, typeIndex);
	const after = cursor ? decodeCursor(cursor) : null; // null: page 1
	const start = after ? firstAfter(entry, ...after) : 0;
	const page = entry.rows.slice(start, start + PAGE_SIZE);
	let next = null;
	if (entry.rows.length - start > PAGE_SIZE) {
		const last = page[page.length - 1];
		const params = [
			['group_type_index', typeIndex],
			['cursor', encodeCursor(parseIsoMicros(last.created_at), last.group_key)],
		];
		next = `http://${req.headers.host}${record.path}?${urlencode(params)}`;
	}
	return { status: 200, body: { next, previous: null, results: page.map(g.serializeGroup) } };
}

async function override(req, record) {
	const name = `${record.method} ${record.path}`;
	counts.set(name, (counts.get(name) ?? 0) + 1);
	const key = String(req.headers.authorization).replace(/^Bearer /, '');
	if (!Object.hasOwn(emu.state.keys, key)) authFailures++;
	emu.requests.length = 0;
	const now = Date.now();
	const sent = byKey.get(key) ?? {
		total: 0,
		throttled: 0,
		firstAt: now,
		lastAt: now,
		passed: [],
		limited: [],
	};
	byKey.set(key, sent);
	sent.total++;
	sent.lastAt = now;
	const limited = throttle?.(req);
	sent[limited ? 'limited' : 'passed'].push(now - sent.firstAt);
	if (limited) {
		throttled++;
		sent.throttled++;
		return limited;
	}
	if (latencyMs > 0) await sleep(latencyMs);
	if (fastList && record.method === 'GET' && record.path.endsWith('/groups/'))
		return fastListGroups(req, record);
	return undefined;
}

/** Pages through `count` groups with the fast path and with the emulator's own handler: same bytes. */
async function selfCheck() {
	emu.reset();
	emu.override = override;
	seedGroups(emu.state, { projectId: 1, groupTypeIndex: 0, count: 1050, prefix: 'check' });
	const fetchAll = async () => {
		const pages = [];
		let url = `${emu.url}/api/projects/1/groups/?group_type_index=0`;
		while (url) {
			const response = await fetch(url, { headers: { Authorization: `Bearer ${emu.apiKey}` } });
			const text = await response.text();
			pages.push(text);
			url = JSON.parse(text).next;
		}
		return pages;
	};
	fastList = true;
	const fast = await fetchAll();
	fastList = false;
	const slow = await fetchAll();
	fastList = true;
	if (fast.length !== 11 || fast.join('\n') !== slow.join('\n')) {
		throw new Error('bench emulator: the fast groups list differs from the emulator’s own answer');
	}
}

function resetCounts() {
	const result = {
		total: 0,
		byRoute: Object.fromEntries(counts),
		authFailures,
		throttled,
		byKey: Object.fromEntries(byKey),
	};
	for (const n of counts.values()) result.total += n;
	counts = new Map();
	authFailures = 0;
	throttled = 0;
	byKey = new Map();
	return result;
}

const handlers = {
	async start() {
		emu = await startEmulator({ apiKey: 'phx_bench_key' });
		await selfCheck();
		emu.reset();
		emu.override = override;
		resetCounts();
		return { url: emu.url, apiKey: emu.apiKey };
	},
	async reset() {
		emu.reset();
		emu.override = override;
		index = new Map();
		indexedGroupCount = -1;
		resetCounts();
		return {};
	},
	async configure(message) {
		latencyMs = message.latencyMs ?? latencyMs;
		// a new throttle each time: no request history carries over
		if (message.throttle !== undefined)
			throttle = message.throttle && faults.throttle(message.throttle);
		return { latencyMs, throttle: message.throttle };
	},
	async addKey({ key }) {
		emu.state.keys[key] = { scopes: ['*'] };
		return {};
	},
	/** How often each group `${prefix}-0…count-1` had `property` set (its activity log) and whether it holds `value`. */
	async checkWrites({ prefix, count, property, value, projectId = 1, groupTypeIndex = 0 }) {
		const applied = new Map();
		for (const entry of emu.state.activity) {
			if (entry.scope === 'Group' && entry.detail?.name === property)
				applied.set(entry.item_id, (applied.get(entry.item_id) ?? 0) + 1);
		}
		const groups = new Map(
			emu.state.groups
				.filter((x) => x.project_id === projectId && x.group_type_index === groupTypeIndex)
				.map((x) => [x.group_key, x]),
		);
		const result = { groups: count, once: 0, never: 0, moreThanOnce: 0, wrongValue: 0 };
		for (let i = 0; i < count; i++) {
			const group = groups.get(`${prefix}-${i}`);
			const times = group ? (applied.get(String(group.id)) ?? 0) : 0;
			if (times === 0) result.never++;
			else if (times === 1) result.once++;
			else result.moreThanOnce++;
			if (group?.group_properties[property] !== value) result.wrongValue++;
		}
		return result;
	},
	async seedGroups({ count, prefix, groupTypeIndex = 0, projectId = 1 }) {
		seedGroups(emu.state, { projectId, groupTypeIndex, count, prefix });
		// index now, not inside a timed run; `listed` = what Return All of this type outputs
		return { listed: sortedGroups(projectId, groupTypeIndex).rows.length };
	},
	async counts() {
		return resetCounts();
	},
	async close() {
		await emu.close();
		setImmediate(() => process.exit(0));
		return {};
	},
};

process.on('message', async (message) => {
	try {
		const result = await handlers[message.cmd](message);
		process.send({ id: message.id, ok: true, result });
	} catch (error) {
		process.send({ id: message.id, ok: false, error: String(error?.stack ?? error) });
	}
});
process.on('disconnect', () => process.exit(0));
