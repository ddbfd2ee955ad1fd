'use strict';
// CPU profile of one contender, summarised: where the client's time goes.
//   node bench/profile.js [find|updateProperty] [ours|http] [--runs 5] [--items 1000] [--keep DIR]
// Starts the emulator in its own process (not profiled), warms the contender up once, then
// profiles only the `runs` measured runs with V8's sampling profiler (the one `node --cpu-prof`
// drives, started here through node:inspector so module loading and warm-up stay out of it).
// Prints self time per package and function, and the inclusive time of the routing engine's and
// the node's main steps. --keep DIR keeps the .cpuprofile (open it in Chrome DevTools).
const { execFileSync } = require('node:child_process');
const { startEmulatorProcess } = require('./emulatorClient');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { summarize } = require('./cpuprofileSummary');

const cli = require('./cli');

const opt = cli.option;
const positional = cli.positional();

// Functions whose inclusive share is worth knowing (regex over "name file:line").
const STEPS = [
	'^runNode .*routing-node',
	'^resolveBaseUrl ',
	'^getRequestOptionsFromParameters ',
	'^getParameterValue .*routing-node',
	'^makeRequest .*routing-node',
	'^postProcessResponseData ',
	'^ExecuteSingleContext ',
	'^getAdditionalKeys ',
	'^displayParameter ',
	'^getNodeParameter ',
	'^resolveSimpleParameterValue ',
	'^(httpRequestWithAuthentication|requestWithAuthentication) ',
	'^(invokeAxios|httpRequest|proxyRequestToAxios) ',
	'^(resolvePathParameters|sendGroupIdentity|throwOnPostHogError|responseToItems|sendEachProperty|sendWithRetries|withRetries|checkGroupTypeIndex|requireText|projectId|readProperties) ',
	'^execute .*HttpRequestV3',
	'^(authenticate|postHogBaseUrl) ',
	'^(getDecrypted|_getCredentials|getCredentials) ',
].join('|');

async function target() {
	const [operation, who, runs, items, dir] = JSON.parse(process.argv[3]);
	const contenders = require('./contenders');
	const { call } = startEmulatorProcess({ execArgv: [] });
	const emulator = await call('start');
	await call('seedGroups', { count: items, prefix: 'bench' });
	const make = who === 'ours' ? contenders.ourNode : contenders.httpRequestNode;
	const run = make(emulator, { operation, items });
	await run(); // warm-up, not profiled
	await call('counts');
	const { Session } = require('node:inspector/promises');
	const session = new Session();
	session.connect();
	await session.post('Profiler.enable');
	await session.post('Profiler.setSamplingInterval', { interval: 250 });
	await session.post('Profiler.start');
	const times = [];
	const cpu0 = process.cpuUsage();
	for (let i = 0; i < runs; i++) {
		const t = performance.now();
		await run();
		times.push(performance.now() - t);
	}
	const cpu = process.cpuUsage(cpu0);
	const { profile } = await session.post('Profiler.stop');
	fs.writeFileSync(path.join(dir, `${who}-${operation}.cpuprofile`), JSON.stringify(profile));
	const counts = await call('counts');
	console.error(`client CPU per run: ${((cpu.user + cpu.system) / 1000 / runs).toFixed(0)} ms`);
	console.error(
		`${who} ${operation}: ${runs} runs: ${times.map((t) => t.toFixed(0)).join(', ')} ms; ${counts.total} requests in all`,
	);
	await call('close');
}

function main() {
	const operation = positional[0] ?? 'find';
	const who = positional[1] ?? 'ours';
	const runs = Number(opt('runs', 5));
	const items = Number(opt('items', 1000));
	const dir = opt('keep') ?? fs.mkdtempSync(path.join(os.tmpdir(), 'posthog-bench-prof-'));
	fs.mkdirSync(dir, { recursive: true });
	execFileSync(
		process.execPath,
		[__filename, '--target', JSON.stringify([operation, who, runs, items, dir])],
		{
			stdio: ['ignore', 'inherit', 'inherit'],
		},
	);
	console.log(
		summarize(path.join(dir, `${who}-${operation}.cpuprofile`), {
			top: Number(opt('top', 30)),
			match: STEPS,
		}),
	);
	if (!opt('keep')) fs.rmSync(dir, { recursive: true, force: true });
}

if (process.argv[2] === '--target') {
	target().catch((error) => {
		console.error(error);
		process.exit(1);
	});
} else {
	main();
}
