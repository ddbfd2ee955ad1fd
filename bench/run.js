'use strict';
const { startEmulatorProcess } = require('./emulatorClient');
// `npm run bench`: the node's measurements in one run, side by side, against the PostHog emulator
// on loopback (in its own process). Prints Markdown tables (stdout) and progress (stderr).
//   node --expose-gc bench/run.js [--out results.json] [--quick] [--no-pacing]
// --quick: fewer runs and smaller sizes, to try the harness; its figures are not the benchmark.
// Then bench/pacing.js on the same build (--no-pacing skips it; --out r.json → r.pacing.json).
const { execFile, execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { promisify } = require('node:util');
const { flag, option } = require('./cli');

const execFileAsync = promisify(execFile);
const quick = flag('quick');
const outFile = option('out');

const ITEMS = quick ? 200 : 1000;
const CONFIG = {
	latencies: [0, 20],
	// measured runs per figure (the median is reported); at least 5
	runs: { find: quick ? 3 : 7, updateProperty: quick ? 3 : 5, latency: quick ? 3 : 5 },
	getAllSizes: quick ? [1000, 5000] : [10_000, 30_000, 100_000],
	getAllAxiosSizes: quick ? [1000, 5000] : [10_000, 100_000],
	getAllRuns: quick ? 3 : 5,
	coldRequireRuns: quick ? 3 : 9,
};

const ROOT = path.join(__dirname, '..');
let contenders; // required after dist/ is snapshotted

/**
 * Copies dist/ to node_modules/.cache (where `n8n-workflow` still resolves) and points every part
 * of the bench at the copy, so a rebuild of dist/ during the run cannot change what is measured.
 */
function snapshotDist() {
	const source = path.join(ROOT, 'dist');
	if (!fs.existsSync(path.join(source, 'nodes')))
		throw new Error('dist/ is missing: run `npm run build` (npm run bench does)');
	const target = path.join(
		ROOT,
		'node_modules',
		'.cache',
		'n8n-nodes-posthog-bench',
		`dist-${process.pid}`,
	);
	fs.rmSync(target, { recursive: true, force: true });
	fs.cpSync(source, target, { recursive: true });
	process.env.POSTHOG_BENCH_DIST = target;
	return target;
}

function gitState() {
	const git = (...a) => {
		try {
			return execFileSync('git', a, {
				cwd: ROOT,
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'ignore'],
			}).trim();
		} catch {
			return '';
		}
	};
	const head = git('rev-parse', '--short', 'HEAD') || 'unknown';
	const changed = git('status', '--porcelain', '--', 'nodes', 'credentials')
		.split('\n')
		.filter(Boolean).length;
	return changed
		? `${head} + uncommitted changes to ${changed} file(s) in nodes/ and credentials/`
		: head;
}

const log = (...parts) =>
	console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...parts);
const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function machine() {
	const cpus = os.cpus();
	const version = (name) => require(`${name}/package.json`).version;
	return {
		cores: cpus.length,
		cpuModel: cpus[0]?.model ?? 'unknown',
		memoryGiB: Math.round(os.totalmem() / 2 ** 30),
		node: process.version,
		platform: `${os.platform()} ${os.release()}`,
		loadAverageAtStart: os
			.loadavg()
			.map((x) => x.toFixed(2))
			.join(' '),
		source: gitState(),
		n8nCore: version('n8n-core'),
		n8nWorkflow: version('n8n-workflow'),
		n8nNodesBase: version('n8n-nodes-base'),
		axios: version('axios'),
	};
}

/** The contenders of one scenario: the required a, b, c and, for context, extra ways. */
function contendersFor(emulator, operation, latency) {
	const spec = { operation, items: ITEMS };
	const list = [
		{ id: 'a', name: 'our node', run: contenders.ourNode(emulator, spec) },
		{ id: 'b', name: 'HTTP Request node', run: contenders.httpRequestNode(emulator, spec) },
		{
			id: 'c',
			name: 'axios loop (sequential, keep-alive)',
			run: contenders.axiosLoop(emulator, spec),
		},
	];
	if (latency === 0) {
		list.push({
			id: 'c-nka',
			name: 'axios loop (sequential, new connection per request, as n8n-core connects)',
			run: contenders.axiosLoop(emulator, { ...spec, keepAlive: false }),
		});
	} else {
		list.push({
			id: 'c-all',
			name: 'axios, every item at once (as n8n starts them)',
			run: contenders.axiosAllAtOnce(emulator, spec),
		});
	}
	return list;
}

async function measureScenario(emulator, call, operation, latency) {
	const requestsPerRun = operation === 'find' ? ITEMS : ITEMS * contenders.PROPERTIES.length;
	const list = contendersFor(emulator, operation, latency);
	const runs = latency ? CONFIG.runs.latency : CONFIG.runs[operation];
	const samples = Object.fromEntries(
		list.map((c) => [c.id, { wallMs: [], cpuMs: [], requests: [] }]),
	);
	const once = async (contender) => {
		global.gc?.();
		const cpu0 = process.cpuUsage();
		const t0 = performance.now();
		const outputs = await contender.run();
		const wallMs = performance.now() - t0;
		const cpu = process.cpuUsage(cpu0);
		const counts = await call('counts');
		if (counts.total !== requestsPerRun || counts.authFailures) {
			throw new Error(
				`${contender.name}: ${JSON.stringify(counts)}; expected ${requestsPerRun} authenticated requests`,
			);
		}
		return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000, requests: counts.total, outputs };
	};
	// Warm-up (JIT, connection pools): once each, not counted. Later phases run in the same
	// process, already warm.
	if (latency === 0) for (const contender of list) await once(contender);
	for (let round = 0; round < runs; round++) {
		// alternate, and rotate who goes first, so drift over time hits every contender alike
		const order = list.map((_, i) => list[(i + round) % list.length]);
		for (const contender of order) {
			const result = await once(contender);
			samples[contender.id].wallMs.push(result.wallMs);
			samples[contender.id].cpuMs.push(result.cpuMs);
			samples[contender.id].requests.push(result.requests);
		}
		log(
			`${operation} @${latency} ms round ${round + 1}/${runs}:`,
			list.map((c) => `${c.id} ${samples[c.id].wallMs.at(-1).toFixed(0)} ms`).join(', '),
		);
	}
	return {
		operation,
		latency,
		items: ITEMS,
		requestsPerRun,
		runs,
		contenders: list.map((c) => ({
			id: c.id,
			name: c.name,
			wallMs: median(samples[c.id].wallMs),
			cpuMs: median(samples[c.id].cpuMs),
			requests: median(samples[c.id].requests),
			samples: samples[c.id],
		})),
	};
}

async function runWorker(script, options, nodeArgs = []) {
	const { stdout } = await execFileAsync(
		process.execPath,
		[...nodeArgs, path.join(__dirname, script), JSON.stringify(options)],
		{
			maxBuffer: 1 << 20,
		},
	);
	return JSON.parse(stdout.trim().split('\n').at(-1));
}

async function measureGetAll(emulator, call) {
	const rows = [];
	for (const size of CONFIG.getAllSizes) {
		await call('reset');
		await call('configure', { latencyMs: 0 });
		// Return All lists every group of the type: the emulator's 5 default companies too
		const { listed: expected } = await call('seedGroups', { count: size, prefix: 'bench' });
		const pages = Math.ceil(expected / 100);
		const modes = CONFIG.getAllAxiosSizes.includes(size) ? ['node', 'axios'] : ['node'];
		const samples = Object.fromEntries(modes.map((m) => [m, []]));
		for (let round = 0; round < CONFIG.getAllRuns; round++) {
			for (const mode of round % 2 ? [...modes].reverse() : modes) {
				const result = await runWorker(
					'getAllWorker.js',
					{ url: emulator.url, apiKey: emulator.apiKey, mode, expected },
					['--expose-gc'],
				);
				const counts = await call('counts');
				if (counts.total !== pages)
					throw new Error(`getAll ${mode} ${size}: ${counts.total} requests, expected ${pages}`);
				samples[mode].push({ ...result, requests: counts.total });
			}
		}
		const summary = (list) =>
			list && {
				wallMs: median(list.map((s) => s.wallMs)),
				cpuMs: median(list.map((s) => s.cpuMs)),
				peakRssGrowthMB: median(list.map((s) => (s.peakRss - s.rssLoaded) / 2 ** 20)),
				peakRssMB: median(list.map((s) => s.peakRss / 2 ** 20)),
				heapHeldMB: median(list.map((s) => (s.heapWithOutput - s.heapLoaded) / 2 ** 20)),
				requests: median(list.map((s) => s.requests)),
				samples: list,
			};
		rows.push({
			size,
			groups: expected,
			pages,
			node: summary(samples.node),
			axios: summary(samples.axios),
		});
		log(
			`getAll ${expected} groups: node ${rows.at(-1).node.wallMs.toFixed(0)} ms, peak RSS +${rows.at(-1).node.peakRssGrowthMB.toFixed(0)} MB`,
		);
	}
	return rows;
}

async function measureColdRequire() {
	const samples = [];
	for (let i = 0; i < CONFIG.coldRequireRuns; i++)
		samples.push(await runWorker('coldRequire.js', {}));
	return {
		runs: samples.length,
		requireMs: median(samples.map((s) => s.requireMs)),
		instantiateMs: median(samples.map((s) => s.instantiateMs)),
		n8nWorkflowMs: median(samples.map((s) => s.n8nWorkflowMs)),
		ownFiles: samples[0].ownFiles,
		samples,
	};
}

async function measurePack() {
	const root = path.join(__dirname, '..');
	const { stdout } = await execFileAsync(
		'npm',
		['pack', '--dry-run', '--json', '--ignore-scripts'],
		{ cwd: root, maxBuffer: 16 << 20 },
	);
	const [pack] = JSON.parse(stdout);
	return {
		size: pack.size,
		unpackedSize: pack.unpackedSize,
		entryCount: pack.entryCount,
		filename: pack.filename,
	};
}

// ---- report ----

const fmtMs = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);
const ratio = (a, b) => (a / b).toFixed(2);

function report({ machine: m, scenarios, getAll, coldRequire, pack, totalSeconds }) {
	const lines = [];
	lines.push(
		`Source: ${m.source}. Load average (1, 5, 15 min) at start ${m.loadAverageAtStart}, at end ${m.loadAverageAtEnd}.`,
	);
	lines.push(
		`Machine: ${m.cores} cores (${m.cpuModel}), ${m.memoryGiB} GiB, ${m.platform}; Node ${m.node}; n8n-core ${m.n8nCore}, n8n-workflow ${m.n8nWorkflow}, n8n-nodes-base ${m.n8nNodesBase} (HTTP Request node V3, typeVersion 4.5), axios ${m.axios}.`,
	);
	lines.push(
		`Emulator in its own process on 127.0.0.1; ${ITEMS} input items; medians of the runs shown; wall time, and in brackets the CPU time of the measuring process (client side).`,
	);
	lines.push('');
	lines.push(
		'| operation | added latency | runs | requests/run (a, b, c) | (a) our node | (b) HTTP Request node | (c) axios loop | a/b | a/c | a/b CPU |',
	);
	lines.push('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
	for (const s of scenarios) {
		const [a, b, c] = s.contenders;
		const op =
			s.operation === 'find'
				? `group find ×${s.items}`
				: `updateProperty ×${s.items}, 3 properties`;
		lines.push(
			`| ${op} | ${s.latency} ms | ${s.runs} | ${a.requests}, ${b.requests}, ${c.requests} | ${fmtMs(a.wallMs)} (${fmtMs(a.cpuMs)}) | ${fmtMs(b.wallMs)} (${fmtMs(b.cpuMs)}) | ${fmtMs(c.wallMs)} (${fmtMs(c.cpuMs)}) | **${ratio(a.wallMs, b.wallMs)}** | **${ratio(a.wallMs, c.wallMs)}** | ${ratio(a.cpuMs, b.cpuMs)} |`,
		);
	}
	lines.push('');
	lines.push('Context (same rounds, same requests): other bare loops.');
	lines.push('');
	lines.push('| operation | added latency | contender | median wall (CPU) | a / this |');
	lines.push('| --- | --- | --- | --- | --- |');
	for (const s of scenarios) {
		const a = s.contenders[0];
		for (const x of s.contenders.slice(3)) {
			lines.push(
				`| ${s.operation} | ${s.latency} ms | ${x.name} | ${fmtMs(x.wallMs)} (${fmtMs(x.cpuMs)}) | ${ratio(a.wallMs, x.wallMs)} |`,
			);
		}
	}
	lines.push('');
	lines.push(
		`(d) group getAll, Return All, no added latency, ${CONFIG.getAllRuns} runs each, each run in a fresh process (peak RSS = the process's maxRSS; growth = peak − RSS after loading n8n and the node; held = heap after the run with the output still referenced, after GC, minus heap before).`,
	);
	lines.push('');
	lines.push(
		'| groups | pages = requests | our node: wall (CPU) | peak RSS (growth) | heap held | bare axios, same pages, keeping the groups: wall | peak RSS (growth) | heap held |',
	);
	lines.push('| --- | --- | --- | --- | --- | --- | --- | --- |');
	for (const r of getAll) {
		const n = r.node;
		const x = r.axios;
		const ax = x
			? `${fmtMs(x.wallMs)} | ${x.peakRssMB.toFixed(0)} MB (+${x.peakRssGrowthMB.toFixed(0)} MB) | ${x.heapHeldMB.toFixed(1)} MB`
			: '– | – | –';
		lines.push(
			`| ${r.groups.toLocaleString('en-US')} | ${n.requests} | ${fmtMs(n.wallMs)} (${fmtMs(n.cpuMs)}) | ${n.peakRssMB.toFixed(0)} MB (+${n.peakRssGrowthMB.toFixed(0)} MB) | ${n.heapHeldMB.toFixed(1)} MB | ${ax} |`,
		);
	}
	if (getAll.length >= 2) {
		const first = getAll[0];
		const last = getAll.at(-1);
		const k = last.groups / first.groups;
		lines.push('');
		lines.push(
			`From ${first.groups.toLocaleString('en-US')} to ${last.groups.toLocaleString('en-US')} groups (×${k.toFixed(1)}): wall ×${(last.node.wallMs / first.node.wallMs).toFixed(1)}, peak-RSS growth ×${(last.node.peakRssGrowthMB / first.node.peakRssGrowthMB).toFixed(1)}, heap held ×${(last.node.heapHeldMB / first.node.heapHeldMB).toFixed(1)}; per 1,000 groups at ${last.groups.toLocaleString('en-US')}: ${((last.node.wallMs / last.groups) * 1000).toFixed(0)} ms and ${((last.node.peakRssGrowthMB / last.groups) * 1000).toFixed(2)} MB of peak RSS.`,
		);
	}
	lines.push('');
	lines.push(
		'| (e) cold require of dist node + credential (n8n-workflow already loaded) | + instantiating both | (f) packed tarball | unpacked | files |',
	);
	lines.push('| --- | --- | --- | --- | --- |');
	lines.push(
		`| ${coldRequire.requireMs.toFixed(1)} ms (median of ${coldRequire.runs} fresh processes; ${coldRequire.ownFiles} files) | ${coldRequire.instantiateMs.toFixed(2)} ms | ${(pack.size / 1000).toFixed(1)} kB | ${(pack.unpackedSize / 1000).toFixed(1)} kB | ${pack.entryCount} |`,
	);
	lines.push('');
	lines.push(`Total bench time: ${totalSeconds.toFixed(0)} s.`);
	return lines.join('\n');
}

/** bench/pacing.js in its own process, on the snapshot of dist/ (POSTHOG_BENCH_DIST). */
async function runPacing() {
	log('pacing (bench/pacing.js)');
	console.log('');
	const pacingArgs = [
		...(quick ? ['--quick'] : []),
		...(outFile ? ['--out', outFile.replace(/(\.json)?$/, '.pacing.json')] : []),
	];
	const pacing = spawn(
		process.execPath,
		['--expose-gc', path.join(__dirname, 'pacing.js'), ...pacingArgs],
		{ stdio: 'inherit' },
	);
	const code = await new Promise((resolve) => pacing.on('exit', resolve));
	if (code !== 0) throw new Error(`bench/pacing.js exited with ${code}`);
}

async function main() {
	const started = performance.now();
	if (!global.gc) log('note: run with --expose-gc so each run starts after a GC');
	const info = machine();
	log(
		`machine: ${info.cores} cores, Node ${info.node}, load average ${info.loadAverageAtStart}${quick ? ' (QUICK: not the benchmark)' : ''}`,
	);
	log('pack (f)');
	const pack = await measurePack(); // first: it reads dist/ itself
	const snapshot = snapshotDist();
	contenders = require('./contenders');
	const { call, child } = startEmulatorProcess();
	try {
		const emulator = await call('start');
		const scenarios = [];
		for (const latency of CONFIG.latencies) {
			await call('reset');
			await call('configure', { latencyMs: latency });
			await call('seedGroups', { count: ITEMS, prefix: 'bench' });
			for (const operation of ['find', 'updateProperty']) {
				scenarios.push(await measureScenario(emulator, call, operation, latency));
			}
		}
		log('getAll (d)');
		const getAll = await measureGetAll(emulator, call);
		log('cold require (e)');
		const coldRequire = await measureColdRequire();
		info.loadAverageAtEnd = os
			.loadavg()
			.map((x) => x.toFixed(2))
			.join(' ');
		const results = {
			machine: info,
			quick,
			config: CONFIG,
			items: ITEMS,
			scenarios,
			getAll,
			coldRequire,
			pack,
		};
		results.totalSeconds = (performance.now() - started) / 1000;
		console.log(report(results));
		if (outFile) fs.writeFileSync(outFile, `${JSON.stringify(results, null, 1)}\n`);
		if (!flag('no-pacing')) await runPacing();
	} finally {
		await call('close').catch(() => child.kill());
		fs.rmSync(snapshot, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
