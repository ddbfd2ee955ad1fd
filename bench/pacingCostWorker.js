'use strict';
// One sample of the pacer's cost with no throttle (bench/pacing.js), in a fresh process so each
// build loads alone: group find ×1000, no added latency, our node (a) against n8n's HTTP Request
// node (b), as in bench/run.js.
//   node --expose-gc bench/pacingCostWorker.js '{"dist":…,"url":…,"apiKey":…,"items":1000,"rounds":5}'
// One warm-up run each, then `rounds` rounds of a and b, alternating who goes first. Prints one
// JSON line with every run's wall and CPU time. `bypassPacer`: the build's pacer gives every turn
// at once without looking at anything (its waitForTurn replaced), to tell its cost from the rest.
const fs = require('node:fs');

const options = JSON.parse(process.argv[2]);
process.env.POSTHOG_BENCH_DIST = options.dist;

const contenders = require('./contenders'); // sets throttles no run reaches, in a build with a pacer
const { dist, liftPacing, modulePath } = require('./dist');

const paced = liftPacing(); // the same throttles again; tells whether this build has a pacer
if (options.bypassPacer) {
	const pacerPath = modulePath('transport/pacer.js');
	if (!fs.existsSync(pacerPath)) throw new Error(`${dist} has no pacer to bypass`);
	// newer builds call `answered()` on what waitForTurn returns; older ones ignore it
	require(pacerPath).waitForTurn = async () => ({ answered() {} });
}

const emulator = { url: options.url, apiKey: options.apiKey };
const spec = { operation: 'find', items: options.items };
const list = [
	{ id: 'a', run: contenders.ourNode(emulator, spec) },
	{ id: 'b', run: contenders.httpRequestNode(emulator, spec) },
];

async function once(contender) {
	global.gc?.();
	const cpu0 = process.cpuUsage();
	const t0 = performance.now();
	const outputs = await contender.run();
	const wallMs = performance.now() - t0;
	const cpu = process.cpuUsage(cpu0);
	if (outputs !== options.items) throw new Error(`${contender.id}: ${outputs} outputs`);
	return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

(async () => {
	for (const contender of list) await once(contender);
	const samples = { a: [], b: [] };
	for (let round = 0; round < options.rounds; round++) {
		const order = round % 2 ? [...list].reverse() : list;
		for (const contender of order) samples[contender.id].push(await once(contender));
	}
	process.stdout.write(`${JSON.stringify({ paced: paced && !options.bypassPacer, samples })}\n`);
})().catch((error) => {
	console.error(error);
	process.exit(1);
});
