'use strict';
// `npm run bench:pacing`: Update Property against the emulator's throttle, with PostHog's rules
// scaled down in time (the emulator and the node's `limits.throttles` get the same rule), and the
// pacer's cost with no throttle. Prints Markdown tables (stdout) and progress (stderr).
//   node --expose-gc bench/pacing.js [--build label=path/to/dist]… [--runs 3] [--cost-workers 4]
//                                    [--cost-rounds 5] [--scenarios 1,2,3] [--no-hogs] [--no-throttle]
//                                    [--no-cost] [--cost-bypass] [--trace] [--window-seconds 60]
//                                    [--quick] [--out r.json]
// --build: a built package's dist/ (repeat it to compare builds; the default is this repo's
// dist/). Runs of different builds alternate. --quick: one run each, to try the harness.
// --cost-bypass: the cost table also gets each build with a pacer, with the pacer bypassed.
// --trace: when the pacer gave turns against when requests arrived (pacingWorker.js).
// --window-seconds N: the chosen scenarios' rules with an N-second window (60 = unscaled).
const { execFile, execFileSync, spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { promisify } = require('node:util');
const { startEmulatorProcess } = require('./emulatorClient');
const { modulePath } = require('./dist');
const { args, flag, option } = require('./cli');

const execFileAsync = promisify(execFile);
const ROOT = path.join(__dirname, '..');

const quick = flag('quick');

const RUNS = Number(option('runs', quick ? 1 : 3));
const COST_WORKERS = Number(option('cost-workers', quick ? 1 : 4));
const COST_ROUNDS = Number(option('cost-rounds', quick ? 2 : 5));
const COST_ITEMS = 1000;
const HOGS = 2;

/** PostHog's burst rule (480 a minute) and a tighter one, with the minute scaled down. */
const SCENARIOS = [
	{
		id: 1,
		name: '1,000 items',
		executions: [1000],
		throttle: { limit: 480, periodSeconds: 5 },
		target: 1.05,
	},
	{
		id: 2,
		name: '150 items',
		executions: [150],
		throttle: { limit: 40, periodSeconds: 2 },
		target: 1.05,
	},
	{
		id: 3,
		name: '2 executions × 500 items, one key, started together',
		executions: [500, 500],
		throttle: { limit: 480, periodSeconds: 5 },
		target: 1.1,
	},
	{
		// PostHog's per-user persons throttle of some versions (180 a minute) under the persons
		// table's 240: the server admits less than the pacer believes (Update Property stands in
		// for the person update: the pacer sees only the rule, the server only the key)
		id: 4,
		name: '600 items, the server admits 180 of the table’s 240',
		executions: [600],
		throttle: { limit: 240, periodSeconds: 5 },
		serverThrottle: { limit: 180, periodSeconds: 5 },
		target: 1.1,
	},
	{
		id: 5,
		name: '2 processes × 1,500 items, one key',
		executions: [1500],
		processes: 2,
		throttle: { limit: 480, periodSeconds: 5 },
		target: 1.1,
	},
];
const TARGET_429_SHARE = 0.02;
const chosen = option('scenarios', '1,2,3,4,5').split(',').map(Number);
// --window-seconds 60: every chosen scenario at this window instead (60: PostHog's own minute)
const windowSeconds = option('window-seconds');
if (windowSeconds) {
	for (const s of SCENARIOS) {
		for (const rule of [s.throttle, s.serverThrottle])
			if (rule) rule.periodSeconds = Number(windowSeconds);
	}
}
/** The rule the emulator enforces: the server's own, or the table's. */
const serverRuleOf = (scenario) => scenario.serverThrottle ?? scenario.throttle;

/** The least time the rule allows: every full window before the last request's must pass. */
const minimumMs = (items, { limit, periodSeconds }) =>
	Math.floor((items - 1) / limit) * periodSeconds * 1000;

const log = (...parts) =>
	console.error(`[pacing ${new Date().toISOString().slice(11, 19)}]`, ...parts);
const load1 = () => os.loadavg()[0];
const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const range = (values) => [Math.min(...values), Math.max(...values)];

function sourceOf(dist) {
	const git = (...a) =>
		execFileSync('git', ['-C', path.dirname(dist), ...a], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'],
		}).trim();
	try {
		const changed = git('status', '--porcelain', '--', 'nodes', 'credentials')
			.split('\n')
			.filter(Boolean).length;
		return `${git('rev-parse', '--short', 'HEAD')}${changed ? ` + uncommitted changes to ${changed} file(s)` : ''}`;
	} catch {
		return 'unknown';
	}
}

function builds() {
	const given = [];
	args.forEach((arg, i) => arg === '--build' && given.push(args[i + 1]));
	const list = given.length
		? given
		: [`current=${process.env.POSTHOG_BENCH_DIST ?? path.join(ROOT, 'dist')}`];
	return list.map((spec) => {
		const [label, dir] = spec.includes('=')
			? [spec.slice(0, spec.indexOf('=')), spec.slice(spec.indexOf('=') + 1)]
			: [spec, spec];
		const dist = path.resolve(dir);
		if (!fs.existsSync(path.join(dist, 'nodes')))
			throw new Error(`${dist}: not a built package (run npm run build)`);
		return { label, dist, source: sourceOf(dist) };
	});
}

function withBypassedPacers(list) {
	const paced = list.filter((b) => fs.existsSync(modulePath('transport/pacer.js', b.dist)));
	return [
		...list,
		...paced.map((b) => ({ ...b, label: `${b.label}, pacer bypassed`, bypassPacer: true })),
	];
}

// ---- CPU hogs: started by the bench, ended by PID, also when the bench fails ----

const hogs = new Set();
function startHogs(count) {
	for (let i = 0; i < count; i++) {
		const hog = spawn('sh', ['-c', 'while :; do :; done'], { stdio: 'ignore' });
		hogs.add(hog);
		hog.on('exit', () => hogs.delete(hog));
	}
	log(`started ${count} CPU hogs: PIDs ${[...hogs].map((h) => h.pid).join(', ')}`);
}
function stopHogs() {
	for (const hog of hogs) process.kill(hog.pid, 'SIGKILL');
	hogs.clear();
}
process.on('exit', stopHogs);
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, () => {
		stopHogs();
		process.exit(1);
	});
}

async function runWorker(script, options, nodeArgs = []) {
	const { stdout } = await execFileAsync(
		process.execPath,
		[...nodeArgs, path.join(__dirname, script), JSON.stringify(options)],
		{
			maxBuffer: 1 << 20,
			timeout: 15 * 60 * 1000,
		},
	);
	return JSON.parse(stdout.trim().split('\n').at(-1));
}

// ---- throttled runs ----

async function throttledRun(emulator, call, build, scenario, tag) {
	const processes = scenario.processes ?? 1;
	const perProcess = scenario.executions.reduce((a, b) => a + b, 0);
	const items = processes * perProcess;
	const apiKey = `phx_pace_${crypto.randomBytes(8).toString('hex')}`;
	const property = 'pacing_run';
	await call('reset');
	await call('seedGroups', { count: items, prefix: 'pace' });
	await call('addKey', { key: apiKey });
	const server = serverRuleOf(scenario);
	await call('configure', {
		latencyMs: 0,
		throttle: { requests: server.limit, windowMs: server.periodSeconds * 1000 },
	});
	await call('counts');
	let from = 0;
	const executionsOf = () =>
		scenario.executions.map((count) => ({ from: (from += count) - count, count }));
	const loadBefore = load1();
	// several processes: queue-mode workers on one key, each pacing itself
	const results = await Promise.all(
		Array.from({ length: processes }, () =>
			runWorker('pacingWorker.js', {
				dist: build.dist,
				url: emulator.url,
				apiKey,
				executions: executionsOf(),
				property,
				value: tag,
				throttle: scenario.throttle,
				warmUpKey: emulator.apiKey,
				trace: flag('trace') && processes === 1,
			}),
		),
	);
	const counts = (await call('counts')).byKey[apiKey];
	const writes = await call('checkWrites', { prefix: 'pace', count: items, property, value: tag });
	await call('configure', { throttle: null });
	const minMs = minimumMs(items, server);
	const startedAt = Math.min(...results.map((r) => r.startedAt));
	const endedAt = Math.max(...results.map((r) => r.endedAt));
	const wallMs = endedAt - startedAt;
	const { turns } = results[0];
	// after the first window: what a lesson learned there saves
	const windowMs = server.periodSeconds * 1000;
	const laterLimited = counts.limited.filter((ms) => ms >= windowMs).length;
	const laterTotal = laterLimited + counts.passed.filter((ms) => ms >= windowMs).length;
	return {
		paced: results.every((r) => r.paced),
		wallMs,
		cpuMs: results.reduce((n, r) => n + r.cpuMs, 0),
		items,
		failed: results.reduce((n, r) => n + r.failed, 0),
		errors: [...new Set(results.flatMap((r) => r.errors))],
		// the execution's start to the first request's arrival, the last arrival to the end
		beforeFirstMs: counts.firstAt - startedAt,
		afterLastMs: endedAt - counts.lastAt,
		...(turns && traceOf(turns, counts, scenario.throttle)),
		minimumMs: minMs,
		ratio: wallMs / minMs,
		requests: counts.total,
		throttled: counts.throttled,
		share429: counts.throttled / counts.total,
		share429AfterFirstWindow: laterTotal ? laterLimited / laterTotal : 0,
		// first to last arrival at the emulator: the pacing alone, without n8n's start and finish
		spanMs: counts.lastAt - counts.firstAt,
		writes,
		exactlyOnce: writes.once === items && writes.wrongValue === 0,
		load: [loadBefore, load1()],
	};
}

/**
 * --trace: how late requests reached the emulator after the pacer gave them their turn. The
 * pacer dates a request by its turn, PostHog by its arrival.
 */
function traceOf(turns, counts, { limit }) {
	const arrivals = [...counts.passed, ...counts.limited]
		.sort((a, b) => a - b)
		.map((ms) => counts.firstAt + ms);
	return {
		// first request: turn → arrival; the request that opened the second window: the same
		firstLagMs: arrivals[0] - turns[0],
		nextWindowLagMs: arrivals.find((t) => t >= turns[limit]) - turns[limit],
		nextWindowTurnMs: turns[limit] - turns[0],
		first429Ms: counts.limited.length ? Math.min(...counts.limited) : undefined,
	};
}

async function measureThrottled(emulator, call, list, withHogs) {
	const runs = [];
	if (withHogs) startHogs(HOGS);
	try {
		for (let round = 0; round < RUNS; round++) {
			for (const scenario of SCENARIOS.filter((s) => chosen.includes(s.id))) {
				// alternate the builds, and rotate who goes first
				const order = list.map((_, i) => list[(i + round) % list.length]);
				for (const build of order) {
					const tag = `${build.label}-${scenario.id}-${round}${withHogs ? '-hogs' : ''}`;
					const run = await throttledRun(emulator, call, build, scenario, tag);
					runs.push({ build: build.label, scenario: scenario.id, hogs: withHogs, round, ...run });
					log(
						`${withHogs ? 'hogs ' : ''}scenario ${scenario.id} ${build.label} run ${round + 1}/${RUNS}: ${(run.wallMs / 1000).toFixed(2)} s = ${run.ratio.toFixed(3)}× min (span ${(run.spanMs / run.minimumMs).toFixed(3)}×; ${run.beforeFirstMs} ms to the first request, ${run.afterLastMs} ms after the last), ${run.throttled}/${run.requests} answered 429, ${run.failed} failed, writes ${JSON.stringify(run.writes)}${run.errors.length ? `, errors: ${run.errors.join(' | ')}` : ''}${
							run.firstLagMs === undefined
								? ''
								: `; trace: first request arrived ${run.firstLagMs} ms after its turn, the second window's first turn came ${run.nextWindowTurnMs} ms after the first turn and arrived ${run.nextWindowLagMs} ms later, first 429 arrived ${run.first429Ms ?? '–'} ms after the first request`
						}`,
					);
				}
			}
		}
	} finally {
		stopHogs();
	}
	return runs;
}

// ---- the pacer's cost with no throttle ----

async function measureCost(emulator, call, list) {
	await call('reset');
	await call('configure', { latencyMs: 0, throttle: null });
	await call('seedGroups', { count: COST_ITEMS, prefix: 'bench' });
	await call('counts');
	const samples = Object.fromEntries(
		list.map((b) => [
			b.label,
			{
				source: b.source,
				bypassed: Boolean(b.bypassPacer),
				paced: undefined,
				a: [],
				b: [],
				ratios: [],
				cpuRatios: [],
			},
		]),
	);
	const expected = (1 + COST_ROUNDS) * 2 * COST_ITEMS;
	for (let worker = 0; worker < COST_WORKERS; worker++) {
		const order = list.map((_, i) => list[(i + worker) % list.length]);
		for (const build of order) {
			const result = await runWorker(
				'pacingCostWorker.js',
				{
					dist: build.dist,
					url: emulator.url,
					apiKey: emulator.apiKey,
					items: COST_ITEMS,
					rounds: COST_ROUNDS,
					bypassPacer: build.bypassPacer,
				},
				['--expose-gc'],
			);
			const counts = await call('counts');
			if (counts.total !== expected || counts.authFailures || counts.throttled) {
				throw new Error(
					`cost ${build.label}: ${JSON.stringify(counts)}; expected ${expected} authenticated requests`,
				);
			}
			const s = samples[build.label];
			s.paced = result.paced;
			s.a.push(...result.samples.a);
			s.b.push(...result.samples.b);
			result.samples.a.forEach((a, i) => {
				s.ratios.push(a.wallMs / result.samples.b[i].wallMs);
				s.cpuRatios.push(a.cpuMs / result.samples.b[i].cpuMs);
			});
			log(
				`cost ${build.label} worker ${worker + 1}/${COST_WORKERS}: a/b ${result.samples.a.map((a, i) => (a.wallMs / result.samples.b[i].wallMs).toFixed(2)).join(' ')}`,
			);
		}
	}
	return samples;
}

// ---- report ----

const seconds = (ms) => (ms / 1000).toFixed(2);
const pct = (x) => `${(100 * x).toFixed(1)} %`;
const spread = (values, fmt) => {
	const [lo, hi] = range(values);
	return values.length > 1 ? `${fmt(median(values))} (${fmt(lo)}–${fmt(hi)})` : fmt(values[0]);
};

function report({ machine, list, throttled, cost, totalSeconds }) {
	const lines = [];
	lines.push(`Builds: ${list.map((b) => `${b.label} = ${b.source}`).join('; ')}.`);
	lines.push(
		`Machine: ${machine.cores} cores (${machine.cpuModel}), Node ${machine.node}. Load average (1 min) at start ${machine.loadAtStart}, at end ${machine.loadAtEnd}.`,
	);
	lines.push('');
	if (throttled.length) {
		lines.push(
			`| scenario (rule) | load | build | runs | wall: median (range) | minimum | wall / minimum | first to last request at the emulator / minimum | start → first request, last request → end (medians) | answered 429 (target ≤ ${pct(TARGET_429_SHARE)}) | answered 429 after the first window | failed items (target 0) | writes applied exactly once | load average (1 min) during runs |`,
		);
		lines.push(
			'| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
		);
		for (const withHogs of [false, true]) {
			for (const scenario of SCENARIOS) {
				for (const build of list) {
					const runs = throttled.filter(
						(r) => r.hogs === withHogs && r.scenario === scenario.id && r.build === build.label,
					);
					if (!runs.length) continue;
					const { limit, periodSeconds } = serverRuleOf(scenario);
					const table = scenario.serverThrottle
						? `, the pacer’s table ${scenario.throttle.limit}`
						: '';
					const once = runs.filter((r) => r.exactlyOnce).length;
					const loads = runs.flatMap((r) => r.load);
					lines.push(
						`| ${scenario.id}. ${scenario.name} (${limit} / ${periodSeconds} s${table}) | ${withHogs ? `${HOGS} CPU hogs` : 'no hogs'} | ${build.label} | ${runs.length} | ${spread(
							runs.map((r) => r.wallMs),
							(ms) => `${seconds(ms)} s`,
						)} | ${seconds(runs[0].minimumMs)} s | **${spread(
							runs.map((r) => r.ratio),
							(x) => `${x.toFixed(3)}×`,
						)}** (target ≤ ${scenario.target.toFixed(2)}×) | ${spread(
							runs.map((r) => r.spanMs / r.minimumMs),
							(x) => `${x.toFixed(3)}×`,
						)} | ${seconds(median(runs.map((r) => r.beforeFirstMs)))} s, ${seconds(median(runs.map((r) => r.afterLastMs)))} s | ${spread(
							runs.map((r) => r.share429),
							pct,
						)} | ${spread(
							runs.map((r) => r.share429AfterFirstWindow),
							pct,
						)} | ${spread(
							runs.map((r) => r.failed),
							String,
						)} | ${once} of ${runs.length} runs | ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} |`,
					);
				}
			}
		}
		lines.push('');
	}
	if (cost) {
		lines.push(
			`No throttle: group find ×${COST_ITEMS}, no added latency, (a) our node against (b) the HTTP Request node; ${COST_WORKERS} fresh processes per build, alternating builds, each a warm-up and ${COST_ROUNDS} rounds alternating a and b.`,
		);
		lines.push('');
		lines.push(
			'| build | pacer | runs | (a) wall | (b) wall | a/b wall: median (range) | a/b CPU: median (range) |',
		);
		lines.push('| --- | --- | --- | --- | --- | --- | --- |');
		for (const [label, s] of Object.entries(cost)) {
			const pacer = s.bypassed
				? 'bypassed: every turn at once'
				: s.paced
					? 'yes, throttles never reached'
					: 'none';
			lines.push(
				`| ${label} (${s.source}) | ${pacer} | ${s.ratios.length} | ${median(s.a.map((x) => x.wallMs)).toFixed(0)} ms | ${median(
					s.b.map((x) => x.wallMs),
				).toFixed(
					0,
				)} ms | **${spread(s.ratios, (x) => x.toFixed(2))}** | ${spread(s.cpuRatios, (x) => x.toFixed(2))} |`,
			);
		}
		lines.push('');
	}
	lines.push(`Total: ${totalSeconds.toFixed(0)} s.`);
	return lines.join('\n');
}

async function main() {
	const started = performance.now();
	const list = builds();
	const cpus = os.cpus();
	const machine = {
		cores: cpus.length,
		cpuModel: cpus[0]?.model ?? 'unknown',
		node: process.version,
		loadAtStart: load1().toFixed(2),
	};
	log(
		`builds: ${list.map((b) => `${b.label} (${b.source}) ${b.dist}`).join(', ')}; load average ${machine.loadAtStart}${quick ? ' (QUICK: not the benchmark)' : ''}`,
	);
	const { call, child } = startEmulatorProcess();
	try {
		const emulator = await call('start');
		let throttled = [];
		if (!flag('no-throttle')) {
			throttled = await measureThrottled(emulator, call, list, false);
			if (!flag('no-hogs')) throttled.push(...(await measureThrottled(emulator, call, list, true)));
		}
		const costList = flag('cost-bypass') ? withBypassedPacers(list) : list;
		const cost = flag('no-cost') ? undefined : await measureCost(emulator, call, costList);
		machine.loadAtEnd = load1().toFixed(2);
		const results = {
			machine,
			quick,
			list,
			runs: RUNS,
			throttled,
			cost,
			totalSeconds: (performance.now() - started) / 1000,
		};
		console.log(report(results));
		const outFile = option('out');
		if (outFile) fs.writeFileSync(outFile, `${JSON.stringify(results, null, 1)}\n`);
	} finally {
		stopHogs();
		await call('close').catch(() => child.kill());
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
