'use strict';
// One round of the breadth benchmark (bench/breadth.js) in a fresh process, for the build that
// POSTHOG_BENCH_DIST names: Group → Find over N items with our node and with n8n's HTTP Request
// node, alternately, against the parent's emulator. Prints one JSON line.
const options = JSON.parse(process.argv[2]);
const contenders = require('./contenders');
const { nodePath } = require('./dist');

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
	const spec = { operation: 'find', items: options.items };
	const list = [
		{ id: 'a', run: contenders.ourNode(options.emulator, spec) },
		{ id: 'b', run: contenders.httpRequestNode(options.emulator, spec) },
	];
	const samples = { a: [], b: [] };
	for (const contender of list) await contender.run(); // warm-up, not counted
	for (let round = 0; round < options.runs; round++) {
		for (const contender of round % 2 ? [...list].reverse() : list) {
			global.gc?.();
			const t0 = performance.now();
			const outputs = await contender.run();
			samples[contender.id].push(performance.now() - t0);
			if (outputs !== options.items) throw new Error(`${contender.id}: ${outputs} items`);
		}
	}
	const { PostHogManagement } = require(nodePath);
	process.stdout.write(
		`${JSON.stringify({
			aMs: median(samples.a),
			bMs: median(samples.b),
			properties: new PostHogManagement().description.properties.length,
			samples,
		})}\n`,
	);
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
