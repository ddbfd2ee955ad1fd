'use strict';
// What each part of the declarative routing costs, measured by taking it away (group find,
// 1,000 items, no added latency). Not part of `npm run bench`; it backs BENCHMARKS.md's
// "where the time goes".
//   node --expose-gc bench/ablation.js [--rounds 5] [--items 1000]
// Variants (client CPU and wall per run, median over alternating rounds):
//   ours            the node as built, group key `={{ $json.key }}`
//   ours-static     the same, group key a plain string (no expression)
//   http / http-static   n8n's HTTP Request node, the same two ways
//   ours-no-baseurl-pass  n8n-core's second pass (RoutingNode.resolveBaseUrl) stubbed out:
//                   what that pass costs (an engine internal: the node cannot remove it)
//   ours-pruned     the description cut to the 7 properties group find uses: what the other
//                   top-level properties cost in both passes
//   ours-no-retry   the retry wrapper (requestOperations.pagination + everyRequest paginate)
//                   removed: what routing every request through it costs
// It also counts expression evaluations per item (a separate, unmeasured run).
const { startEmulatorProcess } = require('./emulatorClient');
const { runWorkflowNode } = require('./engine');
const contenders = require('./contenders');
const { RoutingNode } = require('n8n-core');

const { option: opt } = require('./cli');
const ROUNDS = Number(opt('rounds', 5));
const ITEMS = Number(opt('items', 1000));
const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

let skipBaseUrlPass = false;
const resolveBaseUrl = RoutingNode.prototype.resolveBaseUrl;
RoutingNode.prototype.resolveBaseUrl = function (...rest) {
	return skipBaseUrlPass ? undefined : resolveBaseUrl.apply(this, rest);
};

// Counting expression evaluations: every `={{…}}` goes through Expression.resolveSimpleParameterValue.
const { Expression } = require('n8n-workflow');
let countExpressions = false;
const expressionCounts = new Map();
const resolveSimple = Expression.prototype.resolveSimpleParameterValue;
Expression.prototype.resolveSimpleParameterValue = function (value, ...rest) {
	if (countExpressions && typeof value === 'string' && value.startsWith('=')) {
		expressionCounts.set(value, (expressionCounts.get(value) ?? 0) + 1);
	}
	return resolveSimple.call(this, value, ...rest);
};

function startEmulator() {
	return startEmulatorProcess({}).call;
}

function variantsFor(emulator) {
	const credentialType = new contenders.PostHogManagementApi();
	const credentials = contenders.credentialsFor(emulator);
	const byExpression = Array.from({ length: ITEMS }, (_, i) => ({
		json: { key: contenders.groupKey(i) },
	}));
	const parameters = (groupKey) => ({
		resource: 'group',
		operation: 'find',
		projectId: { __rl: true, mode: 'id', value: '1' },
		groupTypeIndex: 0,
		groupKey,
	});
	const run = (nodeType, groupKey) => async () => {
		const { items, error } = await runWorkflowNode({
			nodeType,
			parameters: parameters(groupKey),
			input: byExpression,
			credentialType,
			credentials,
		});
		if (error) throw new Error(error.message);
		return items.length;
	};

	const pruned = new contenders.PostHogManagement();
	const keep = new Set([
		'everyRequest',
		'resource',
		'operation',
		'projectId',
		'groupTypeIndex',
		'groupKey',
		'options',
	]);
	pruned.description = {
		...pruned.description,
		properties: pruned.description.properties.filter(
			(p) =>
				keep.has(p.name) &&
				(p.name !== 'operation' || p.displayOptions?.show?.resource?.includes('group')),
		),
	};

	const noRetry = new contenders.PostHogManagement();
	const { requestOperations, ...rest } = noRetry.description;
	noRetry.description = {
		...rest,
		properties: noRetry.description.properties.map((p) =>
			p.name === 'everyRequest'
				? { ...p, routing: { ...p.routing, send: { preSend: p.routing.send.preSend } } }
				: p,
		),
	};
	const hasRetryLayer = Boolean(requestOperations);

	const ours = new contenders.PostHogManagement();
	const variants = [
		{ name: 'ours', run: run(ours, '={{ $json.key }}') },
		{ name: 'ours-static', run: run(ours, 'bench-0') },
		{
			name: 'http',
			run: contenders.httpRequestNode(emulator, { operation: 'find', items: ITEMS }),
		},
		{
			name: 'http-static',
			run: contenders.httpRequestNode(emulator, {
				operation: 'find',
				items: ITEMS,
				staticKey: 'bench-0',
			}),
		},
		{
			name: 'ours-no-baseurl-pass',
			run: async () => {
				skipBaseUrlPass = true;
				try {
					return await run(ours, '={{ $json.key }}')();
				} finally {
					skipBaseUrlPass = false;
				}
			},
		},
		{ name: 'ours-pruned', run: run(pruned, '={{ $json.key }}') },
	];
	if (hasRetryLayer)
		variants.push({ name: 'ours-no-retry', run: run(noRetry, '={{ $json.key }}') });
	return variants;
}

(async () => {
	const call = startEmulator();
	const emulator = await call('start');
	await call('seedGroups', { count: ITEMS, prefix: 'bench' });
	const variants = variantsFor(emulator);

	// expression evaluations per item
	const evaluations = {};
	for (const v of variants.filter((x) =>
		['ours', 'http', 'ours-static', 'http-static'].includes(x.name),
	)) {
		expressionCounts.clear();
		countExpressions = true;
		await v.run();
		countExpressions = false;
		evaluations[v.name] = Object.fromEntries([...expressionCounts].map(([k, n]) => [k, n / ITEMS]));
	}
	await call('counts');

	for (const v of variants) await v.run(); // warm-up
	await call('counts');
	const samples = Object.fromEntries(variants.map((v) => [v.name, { wall: [], cpu: [] }]));
	for (let round = 0; round < ROUNDS; round++) {
		for (let i = 0; i < variants.length; i++) {
			const v = variants[(i + round) % variants.length];
			global.gc?.();
			const cpu0 = process.cpuUsage();
			const t0 = performance.now();
			await v.run();
			const wall = performance.now() - t0;
			const cpu = process.cpuUsage(cpu0);
			const counts = await call('counts');
			if (counts.total !== ITEMS) throw new Error(`${v.name}: ${counts.total} requests`);
			samples[v.name].wall.push(wall);
			samples[v.name].cpu.push((cpu.user + cpu.system) / 1000);
		}
		console.error(`round ${round + 1}/${ROUNDS} done`);
	}
	const base = median(samples.ours.cpu);
	console.log(
		`group find, ${ITEMS} items, no added latency, ${ROUNDS} alternating rounds (medians); Node ${process.version}`,
	);
	console.log('');
	console.log('| variant | client CPU / run | wall / run | CPU vs ours |');
	console.log('| --- | --- | --- | --- |');
	for (const v of variants) {
		const cpu = median(samples[v.name].cpu);
		console.log(
			`| ${v.name} | ${cpu.toFixed(0)} ms | ${median(samples[v.name].wall).toFixed(0)} ms | ${(cpu - base >= 0 ? '+' : '') + (cpu - base).toFixed(0)} ms (${((100 * (cpu - base)) / base).toFixed(0)}%) |`,
		);
	}
	console.log('');
	console.log('Expression evaluations per item:');
	for (const [name, counts] of Object.entries(evaluations))
		console.log(`- ${name}: ${JSON.stringify(counts)}`);
	await call('close');
})().catch((error) => {
	console.error(error);
	process.exit(1);
});
