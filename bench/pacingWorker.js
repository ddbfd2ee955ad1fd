'use strict';
// One run of a pacing scenario (bench/pacing.js), in a fresh process, so the pacer starts with
// no memory of earlier runs and each build loads alone:
//   node bench/pacingWorker.js '{"dist":…,"url":…,"apiKey":…,"executions":[{"from":0,"count":1000}],
//                                "property":…,"value":…,"throttle":{"limit":480,"periodSeconds":5}}'
// Runs Update Property with one property on groups `pace-<from>…`, one execution per entry of
// `executions`, all started together on the same key; a build with a pacer is given `throttle`
// as its throttle table (`limits.throttles`). Before that, a warm-up of a few items on another key
// (`warmUpKey`), so the timed run starts with warm code as in a running n8n. Prints one JSON line.
const options = JSON.parse(process.argv[2]);
process.env.POSTHOG_BENCH_DIST = options.dist;

require('../test/helpers/setupEnv'); // before n8n-core loads: a throw-away user folder, a silent logger
const { runNode } = require('../test/helpers/runNode');
const fs = require('node:fs');
const { nodePath, credentialPath, liftPacing, modulePath } = require('./dist');
const { PostHogManagement } = require(nodePath);
const { PostHogManagementApi } = require(credentialPath);

const paced = liftPacing([{ scope: 'burst', ...options.throttle }]);
const nodeType = new PostHogManagement();
const credentialType = new PostHogManagementApi();
const parameters = {
	resource: 'group',
	operation: 'updateProperty',
	projectId: { __rl: true, mode: 'id', value: '1' },
	groupTypeIndex: 0,
	groupKey: '={{ $json.key }}',
};
const credentials = { region: 'custom', host: options.url, apiKey: options.apiKey };

async function execution({ from, count, apiKey = options.apiKey, property = options.property }) {
	const input = Array.from({ length: count }, (_, i) => ({ json: { key: `pace-${from + i}` } }));
	// Continue On Fail, so every item's outcome is counted instead of the first error stopping the run
	const { items, error } = await runNode({
		nodeType,
		credentialType,
		credentials: { ...credentials, apiKey },
		parameters: {
			...parameters,
			properties: { property: [{ key: property, value: options.value }] },
		},
		input,
		continueOnFail: true,
	});
	if (error) return { items: count, outputs: 0, failed: count, errors: [error.message] };
	// n8n's routing puts a failed item's error beside its json: { json: {}, error }
	const failures = items.filter((item) => item.error !== undefined);
	return {
		items: count,
		outputs: items.length,
		failed: failures.length + Math.max(0, count - items.length),
		errors: [...new Set(failures.map((item) => item.error.message))].slice(0, 3),
	};
}

/**
 * `trace`: when the pacer gives each request its turn (Date.now(), comparable with the emulator's
 * arrival times), by wrapping the build's waitForTurn. Off for the figures: it adds a step per request.
 */
function traceTurns() {
	const pacerPath = modulePath('transport/pacer.js');
	if (!fs.existsSync(pacerPath)) return undefined;
	const pacer = require(pacerPath);
	const turns = [];
	const waitForTurn = pacer.waitForTurn;
	pacer.waitForTurn = async (...rest) => {
		const turn = await waitForTurn(...rest); // newer builds return { answered }
		turns.push(Date.now());
		return turn;
	};
	return turns;
}

(async () => {
	const warmUp = await execution({
		from: 0,
		count: 5,
		apiKey: options.warmUpKey,
		property: 'warm_up',
	});
	if (warmUp.failed) throw new Error(`warm-up failed: ${warmUp.errors.join(' | ')}`);
	const turns = options.trace ? traceTurns() : undefined;
	const cpu0 = process.cpuUsage();
	const startedAt = Date.now(); // comparable with the emulator's arrival times
	const t0 = performance.now();
	const results = await Promise.all(options.executions.map(execution));
	const wallMs = performance.now() - t0;
	const endedAt = Date.now();
	const cpu = process.cpuUsage(cpu0);
	process.stdout.write(
		`${JSON.stringify({
			paced,
			wallMs,
			startedAt,
			endedAt,
			cpuMs: (cpu.user + cpu.system) / 1000,
			items: results.reduce((n, r) => n + r.items, 0),
			failed: results.reduce((n, r) => n + r.failed, 0),
			errors: [...new Set(results.flatMap((r) => r.errors))],
			turns,
		})}\n`,
	);
})().catch((error) => {
	console.error(error);
	process.exit(1);
});
