'use strict';
// One measurement of (d), in a fresh process so its peak RSS is its own:
//   node bench/getAllWorker.js '{"url":…,"apiKey":…,"mode":"node"|"axios","expected":N}'
// mode "node": our node's group getAll with Return All, through WorkflowExecute.
// mode "axios": a bare axios loop over the same pages, keeping every group: the memory that
//               holding the output alone takes.
// Prints one JSON line: wall ms, RSS after loading, peak RSS, heap after the run (output still
// held), output count.
const options = JSON.parse(process.argv[2]);
const { url, apiKey, mode, expected } = options;

async function runNode() {
	const { runWorkflowNode } = require('./engine');
	const { nodePath, credentialPath, liftPacing } = require('./dist');
	liftPacing(); // 1,001 pages at PostHog's 480 a minute would measure the pacer's waits
	const { PostHogManagement } = require(nodePath);
	const { PostHogManagementApi } = require(credentialPath);
	const nodeType = new PostHogManagement();
	const credentialType = new PostHogManagementApi();
	const start = async () => {
		const { items, error } = await runWorkflowNode({
			nodeType,
			parameters: {
				resource: 'group',
				operation: 'getAll',
				projectId: { __rl: true, mode: 'id', value: '1' },
				groupTypeIndex: 0,
				returnAll: true,
			},
			input: [{ json: {} }],
			credentialType,
			credentials: { region: 'custom', host: url, apiKey },
		});
		if (error) throw new Error(`getAll failed: ${error.message}`);
		return items;
	};
	return start;
}

async function runAxios() {
	require('./engine'); // the same modules loaded, so both baselines compare
	const axios = require('axios');
	const client = axios.create({ baseURL: url, headers: { Authorization: `Bearer ${apiKey}` } });
	return async () => {
		const groups = [];
		let cursor;
		for (;;) {
			const { data } = await client.get('/api/projects/1/groups/', {
				params: cursor ? { group_type_index: 0, cursor } : { group_type_index: 0 },
			});
			groups.push(...data.results);
			if (!data.next) return groups;
			cursor = new URL(data.next).searchParams.get('cursor');
		}
	};
}

(async () => {
	const run = mode === 'node' ? await runNode() : await runAxios();
	global.gc?.();
	const rssLoaded = process.memoryUsage().rss;
	const heapLoaded = process.memoryUsage().heapUsed;
	const t0 = performance.now();
	const cpu0 = process.cpuUsage();
	const output = await run();
	const cpu = process.cpuUsage(cpu0);
	const wallMs = performance.now() - t0;
	const peakRss = process.resourceUsage().maxRSS * 1024;
	global.gc?.();
	const heapWithOutput = process.memoryUsage().heapUsed;
	if (output.length !== expected)
		throw new Error(`expected ${expected} groups, got ${output.length}`);
	process.stdout.write(
		`${JSON.stringify({
			mode,
			wallMs,
			cpuMs: (cpu.user + cpu.system) / 1000,
			rssLoaded,
			peakRss,
			heapLoaded,
			heapWithOutput,
			items: output.length,
		})}\n`,
	);
})().catch((error) => {
	console.error(error);
	process.exit(1);
});
