'use strict';
// `npm run bench:breadth`: whether the node's breadth costs per-item speed. Group → Find over
// 1,000 items, our node against n8n's HTTP Request node (a/b), for each build given, and each
// build's cold load, in one run on one machine. Builds alternate, each round in a fresh process.
//   node --expose-gc bench/breadth.js --build before=path/to/dist [--build after=dist]
//                                     [--rounds 5] [--runs 5] [--items 1000]
// Without --build: this repo's dist/ only. Prints a Markdown table (stdout), progress (stderr).
const { execFile } = require('node:child_process');
const os = require('node:os');
const path = require('node:path');
const { promisify } = require('node:util');
const { startEmulatorProcess } = require('./emulatorClient');

const execFileAsync = promisify(execFile);
const { args, option } = require('./cli');
const builds = args
	.flatMap((arg, i) => (arg === '--build' ? [args[i + 1]] : []))
	.map((spec) => {
		const [label, dir] = spec.split('=');
		return { label, dist: path.resolve(dir) };
	});
if (!builds.length) builds.push({ label: 'dist', dist: path.join(__dirname, '..', 'dist') });
const ROUNDS = Number(option('rounds', 5));
const RUNS = Number(option('runs', 5));
const ITEMS = Number(option('items', 1000));
const COLD_RUNS = 9;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const log = (...parts) =>
	console.error(`[breadth ${new Date().toISOString().slice(11, 19)}]`, ...parts);

async function worker(script, build, options = {}) {
	const { stdout } = await execFileAsync(
		process.execPath,
		['--expose-gc', path.join(__dirname, script), JSON.stringify(options)],
		{ env: { ...process.env, POSTHOG_BENCH_DIST: build.dist }, maxBuffer: 1 << 22 },
	);
	return JSON.parse(stdout.trim().split('\n').at(-1));
}

async function main() {
	const load = () =>
		os
			.loadavg()
			.map((x) => x.toFixed(2))
			.join(' ');
	const loadAtStart = load();
	const { call, child } = startEmulatorProcess();
	try {
		const emulator = await call('start');
		await call('seedGroups', { count: ITEMS, prefix: 'bench' });
		const rounds = Object.fromEntries(builds.map((b) => [b.label, []]));
		for (let round = 0; round < ROUNDS; round++) {
			const order = round % 2 ? [...builds].reverse() : builds;
			for (const build of order) {
				const result = await worker('breadthWorker.js', build, {
					emulator,
					items: ITEMS,
					runs: RUNS,
				});
				rounds[build.label].push(result);
				log(
					`round ${round + 1}/${ROUNDS} ${build.label}: a ${result.aMs.toFixed(0)} ms, b ${result.bMs.toFixed(0)} ms, a/b ${(result.aMs / result.bMs).toFixed(2)}`,
				);
			}
		}
		const cold = {};
		for (const build of builds) {
			const samples = [];
			for (let i = 0; i < COLD_RUNS; i++) samples.push(await worker('coldRequire.js', build));
			cold[build.label] = median(samples.map((s) => s.requireMs));
		}
		console.log(
			`Group → Find ×${ITEMS}, no added latency: ${ROUNDS} rounds per build in fresh processes, builds alternating; per round the median of ${RUNS} runs of each contender. Load average at start ${loadAtStart}, at end ${load()}. ${os.cpus().length} cores, Node ${process.version}.\n`,
		);
		console.log(
			'| build | node properties | (a) our node | (b) HTTP Request node | a/b (median of rounds) | a/b per round | cold require |',
		);
		console.log('| --- | --- | --- | --- | --- | --- | --- |');
		for (const build of builds) {
			const list = rounds[build.label];
			const ratios = list.map((r) => r.aMs / r.bMs);
			console.log(
				`| ${build.label} | ${list[0].properties} | ${median(list.map((r) => r.aMs)).toFixed(0)} ms | ${median(list.map((r) => r.bMs)).toFixed(0)} ms | **${median(ratios).toFixed(2)}** | ${ratios.map((r) => r.toFixed(2)).join(', ')} | ${cold[build.label].toFixed(1)} ms |`,
			);
		}
	} finally {
		await call('close').catch(() => child.kill());
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
