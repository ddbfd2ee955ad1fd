'use strict';
// n8n 2.40.7 in queue mode: PostgreSQL, Redis, an n8n main, a worker and a webhook process, all
// started here on loopback and stopped afterwards. The packed package is installed once into
// the user folder they share, as n8n's community-node installer does. Proves from the worker's
// log that the package's node runs on the worker, and checks what the sandbox received and what
// the workflows output. Needs redis-server and a PostgreSQL server (Debian's packages).
// Run: npm run test:queue  (node:test under Node 24; not part of `npm test`).
const { after, before, test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { DEMO, credentialFile, nodeOutput, setUp } = require('./harness');
const { packDir } = require('../../scripts/dev/package');
const { seedGroups } = require('../emulator');
const { compareGroups } = require('../emulator/models/groups');
const { removeOnExit, sleep, stopAll, waitFor } = require('./services');
const q = require('./queueCluster');

const WEBHOOK_EXAMPLE = path.join(packDir(), 'examples', 'group-properties-from-webhook.json');
const GROUPS_ALL_PAGES = path.join(__dirname, 'queue-workflows', 'groups-all-pages.json');

/**
 * What goes through the queue. Each scenario names the workflows it needs (imported and
 * published before n8n starts) and what it checks; they run in this order against one cluster.
 * Trigger nodes of the package are added here as scenarios of their own: a polling trigger
 * polls on the main and its executions run on the worker, like these webhook executions.
 */
const SCENARIOS = [
	{
		title: 'the published webhook example, called through the webhook process, runs on the worker',
		workflows: [WEBHOOK_EXAMPLE],
		run: webhookExample,
	},
	{
		title: 'group Get Many with Return All pages through every group on the worker',
		workflows: [GROUPS_ALL_PAGES],
		run: groupsAllPages,
	},
	{
		title: 'a job queued while the worker is down runs once when it is back',
		workflows: [WEBHOOK_EXAMPLE],
		run: workerRestart,
	},
];

const workflowOf = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const EXAMPLE_ID = workflowOf(WEBHOOK_EXAMPLE).id;
const GROUPS_ALL_PAGES_ID = workflowOf(GROUPS_ALL_PAGES).id;

let ctx;
let cluster;

/** Copies the workflows the scenarios need into one folder for `n8n import:workflow --separate`. */
function workflowsFolder(dir) {
	fs.mkdirSync(dir);
	const files = [...new Set(SCENARIOS.flatMap((s) => s.workflows))];
	for (const file of files) fs.copyFileSync(file, path.join(dir, path.basename(file)));
	return files.map((file) => workflowOf(file).id);
}

before(async () => {
	ctx = await setUp();
	if (!process.env.E2E_KEEP) removeOnExit(ctx.work);
	const started = Date.now();
	const workflowsDir = path.join(ctx.work, 'workflows');
	const logDir = path.join(ctx.work, 'logs');
	fs.mkdirSync(logDir);
	cluster = await q.startQueueCluster({
		userFolder: ctx.userFolder,
		logDir,
		credentialFile: credentialFile(ctx.work, ctx.sandbox.url, ctx.sandbox.apiKey),
		workflowsDir,
		workflowIds: workflowsFolder(workflowsDir),
	});
	const ready = cluster.processes.map((p) => `${p.name} ${p.readyMs} ms`).join(', ');
	const { backendsMs, importMs, processesMs, activationMs } = cluster.timings;
	console.log(
		`# queue cluster up in ${Date.now() - started} ms: PostgreSQL + Redis ${backendsMs} ms, import + publish ${importMs} ms, ` +
			`n8n ready ${processesMs} ms (${ready}), workflows active ${activationMs} ms later; pack + install ${ctx.timings.packInstallMs} ms`,
	);
	console.log(`# logs in ${logDir} (kept with E2E_KEEP=1)`);
});

after(async () => {
	if (cluster) await cluster.stop();
	await stopAll();
	if (ctx) await ctx.tearDown();
});

for (const scenario of SCENARIOS) test(scenario.title, () => scenario.run());

const apiRequests = () =>
	ctx.sandbox.requests.map(
		(r) =>
			`${r.method} ${r.path}${Object.keys(r.query).length ? `?${new URLSearchParams(r.query)}` : ''}`,
	);

async function lastExecutionId(workflowId) {
	const all = await q.executions(cluster, workflowId);
	return all.length ? all[all.length - 1].id : 0;
}

function callWebhook(port, webhookPath, { method = 'GET', body } = {}) {
	return fetch(`http://127.0.0.1:${port}/webhook/${webhookPath}`, {
		method,
		headers: body ? { 'content-type': 'application/json' } : {},
		body: body ? JSON.stringify(body) : undefined,
		signal: AbortSignal.timeout(60_000),
	});
}

function postCompany(body) {
	return callWebhook(cluster.ports.webhook, 'posthog-company-sync', { method: 'POST', body });
}

/** The logs say: `enqueuer` put the execution on the queue and `worker` (only) ran it, once. */
async function assertRanOnWorker(executionId, { enqueuer, worker }) {
	await waitFor(
		`the logs to show execution ${executionId}`,
		() => q.ranBy(cluster, executionId).length && q.enqueuedBy(cluster, executionId).length,
		{ timeoutMs: 15_000 },
	);
	assert.deepEqual(q.enqueuedBy(cluster, executionId), [enqueuer]);
	assert.deepEqual(q.ranBy(cluster, executionId), [worker]);
	assert.equal(q.timesStarted(cluster, executionId), 1);
}

async function webhookExample() {
	ctx.sandbox.reset();
	let afterId = await lastExecutionId(EXAMPLE_ID);
	const company = { company_id: 'northwind', name: 'Northwind Traders', plan: 'pro', seats: 42 };
	const response = await postCompany(company);
	assert.equal(response.status, 200);
	assert.deepEqual(
		await response.json(),
		{ message: 'Workflow was started' },
		'answered at once, before the worker ran it',
	);

	const [created] = await q.waitForFinishedExecutions(cluster, EXAMPLE_ID, { afterId });
	assert.equal(created.status, 'success');
	assert.equal(created.mode, 'webhook');
	await assertRanOnWorker(created.id, { enqueuer: 'n8n webhook #1', worker: 'n8n worker #1' });

	assert.deepEqual(apiRequests(), [
		'POST /api/projects/1/groups/update_property/?group_type_index=0&group_key=northwind',
		'POST /api/projects/1/groups/',
	]);
	for (const r of ctx.sandbox.requests)
		assert.equal(
			r.headers.authorization,
			`Bearer ${ctx.sandbox.apiKey}`,
			'the worker decrypted the credential',
		);
	const run = await q.storedRun(cluster, created.id);
	assert.equal(
		nodeOutput(run, 'Update properties', 1).length,
		1,
		'the 404 left by the error output',
	);
	const [group] = nodeOutput(run, 'Create group');
	assert.equal(group.group_key, 'northwind');
	assert.deepEqual(group.group_properties, { name: 'Northwind Traders', plan: 'pro', seats: 42 });

	// the same company again: now it exists, so its properties are updated
	ctx.sandbox.requests.length = 0;
	afterId = created.id;
	await postCompany({ ...company, seats: 50 });
	const [updated] = await q.waitForFinishedExecutions(cluster, EXAMPLE_ID, { afterId });
	assert.equal(updated.status, 'success');
	await assertRanOnWorker(updated.id, { enqueuer: 'n8n webhook #1', worker: 'n8n worker #1' });
	assert.equal(apiRequests().length, 3);
	const [changed] = nodeOutput(await q.storedRun(cluster, updated.id), 'Update properties');
	assert.deepEqual(changed.group_properties, { name: 'Northwind Traders', plan: 'pro', seats: 50 });
}

async function groupsAllPages() {
	ctx.sandbox.reset();
	seedGroups(ctx.sandbox.state, {
		projectId: DEMO.projectId,
		groupTypeIndex: 1,
		count: 250,
		prefix: 'queue-team',
	});
	const teams = ctx.sandbox.state.groups
		.filter((g) => g.project_id === DEMO.projectId && g.group_type_index === 1)
		.sort(compareGroups);
	assert.ok(teams.length > 300, 'enough groups for four pages of 100');
	const afterId = await lastExecutionId(GROUPS_ALL_PAGES_ID);

	// through the main this time: it serves production webhooks too, and enqueues them the same way
	const response = await callWebhook(cluster.ports.main, 'queue-groups-all-pages');
	assert.equal(response.status, 200);
	const items = await response.json();
	assert.deepEqual(
		items.map((g) => g.group_key),
		teams.map((g) => g.group_key),
	);

	const pages = ctx.sandbox.requests;
	assert.equal(pages.length, Math.ceil(teams.length / 100));
	assert.ok(
		pages.every(
			(r) =>
				r.method === 'GET' &&
				r.path === '/api/projects/1/groups/' &&
				r.query.group_type_index === '1',
		),
	);
	assert.equal(pages[0].query.cursor, undefined);
	assert.ok(
		pages.slice(1).every((r) => r.query.cursor),
		'later pages follow the cursor',
	);
	assert.equal(
		new Set(pages.map((r) => r.query.cursor)).size,
		pages.length,
		'no page fetched twice',
	);

	const [execution] = await q.waitForFinishedExecutions(cluster, GROUPS_ALL_PAGES_ID, { afterId });
	assert.equal(execution.status, 'success');
	await assertRanOnWorker(execution.id, { enqueuer: 'n8n main #1', worker: 'n8n worker #1' });
	assert.equal(
		nodeOutput(await q.storedRun(cluster, execution.id), 'All teams').length,
		teams.length,
	);
}

async function workerRestart() {
	ctx.sandbox.reset();
	const [worker] = cluster.processes.filter((p) => p.role === 'worker' && !p.exit);
	await worker.stop();
	const afterId = await lastExecutionId(EXAMPLE_ID);

	assert.equal(
		ctx.sandbox.state.groups.find((g) => g.group_key === 'vandelay'),
		undefined,
		'a new company',
	);
	const response = await postCompany({
		company_id: 'vandelay',
		name: 'Vandelay Industries',
		plan: 'starter',
		seats: 7,
	});
	assert.deepEqual(await response.json(), { message: 'Workflow was started' });
	await waitFor('the execution to be created', async () =>
		(await q.executions(cluster, EXAMPLE_ID)).some((e) => e.id > afterId),
	);
	await sleep(3000); // time enough for anything that would (wrongly) run it without a worker
	const [queued, ...more] = (await q.executions(cluster, EXAMPLE_ID)).filter((e) => e.id > afterId);
	assert.deepEqual(more, []);
	assert.equal(queued.status, 'new', 'waits for a worker');
	assert.deepEqual(await q.queuedJobs(cluster), { waiting: 1, active: 0 });
	assert.deepEqual(ctx.sandbox.requests, [], 'nothing ran it');

	const started = Date.now();
	await cluster.start('worker');
	const [done] = await q.waitForFinishedExecutions(cluster, EXAMPLE_ID, {
		afterId,
		timeoutMs: 120_000,
	});
	console.log(
		`# the restarted worker finished the queued job ${Date.now() - started} ms after it was started`,
	);
	assert.equal(done.id, queued.id);
	assert.equal(done.status, 'success');
	await assertRanOnWorker(done.id, { enqueuer: 'n8n webhook #1', worker: 'n8n worker #2' });

	await sleep(5000); // a second run (a stalled job taken again) would show up here
	assert.equal(q.timesStarted(cluster, done.id), 1);
	assert.deepEqual(apiRequests(), [
		'POST /api/projects/1/groups/update_property/?group_type_index=0&group_key=vandelay',
		'POST /api/projects/1/groups/',
	]);
	assert.equal(ctx.sandbox.state.groups.filter((g) => g.group_key === 'vandelay').length, 1);
	const [group] = nodeOutput(await q.storedRun(cluster, done.id), 'Create group');
	assert.deepEqual(group.group_properties, {
		name: 'Vandelay Industries',
		plan: 'starter',
		seats: 7,
	});
	assert.deepEqual(
		(await q.executions(cluster, EXAMPLE_ID)).filter((e) => e.id > afterId).map((e) => e.id),
		[done.id],
	);
	assert.deepEqual(await q.queuedJobs(cluster), { waiting: 0, active: 0 });
}
