'use strict';
// n8n 2.40.7 in queue mode: PostgreSQL, Redis, an n8n main, a worker and a webhook process, all
// started here on loopback and stopped afterwards (a second worker joins for the pacing runs).
// The packed package is installed once into the user folder they share, as n8n's community-node
// installer does. Proves from the logs where the package's nodes and triggers run, and checks
// what the sandbox received and what the workflows output. Needs redis-server and a PostgreSQL
// server (Debian's packages).
// Run: npm run test:queue  (node:test under Node 24; not part of `npm test`).
const { after, before, test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { DEMO, credentialFile, n8n, nodeOutput, setUp } = require('./harness');
const { packDir } = require('../../scripts/dev/package');
const { seedGroups } = require('../emulator');
const { compareNewestFirst } = require('../emulator/models/groups');
const faults = require('../emulator/faults');
const { signIn } = require('../helpers/n8nRest');
const { removeOnExit, sleep, stopAll, waitFor } = require('./services');
const q = require('./queueCluster');

const example = (name) => path.join(packDir(), 'examples', name);
const WEBHOOK_EXAMPLE = example('group-properties-from-webhook.json');
const ALERT_EXAMPLE = example('signup-failed-alert.json');
const CRM_EXAMPLE = example('new-company-to-crm.json');
const GROUPS_ALL_PAGES = path.join(__dirname, 'queue-workflows', 'groups-all-pages.json');
const PACER_WRITES = path.join(__dirname, 'queue-workflows', 'pacer-update-property.json');

/**
 * What goes through the queue. Each scenario names the workflows it needs: `workflows` are
 * imported and published before n8n starts, `unpublished` only imported (the scenario publishes
 * and unpublishes them as the editor does). They run in this order against one cluster.
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
	{
		title:
			'PostHog Trigger: the destination points at the webhook process, a delivery runs on the worker, unpublishing deletes it',
		unpublished: [ALERT_EXAMPLE],
		run: instantTrigger,
	},
	{
		title:
			'PostHog Poll Trigger: polls run on the main, the execution for a new company on the worker',
		unpublished: [CRM_EXAMPLE],
		run: pollTrigger,
	},
	{
		title:
			'two workers, Requests per Minute = the limit / 2: 500 writes, none failed, each applied once',
		workflows: [PACER_WRITES],
		run: (t) => pacedWrites(t, { requestsPerMinute: PACER.throttle.requests / 2 }),
	},
	{
		title:
			'two workers, each paced to PostHog Cloud’s limits: 500 writes through 429s, none failed, each applied once',
		workflows: [PACER_WRITES],
		run: (t) => pacedWrites(t, { requestsPerMinute: 0 }),
	},
];

const workflowOf = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const EXAMPLE_ID = workflowOf(WEBHOOK_EXAMPLE).id;
const GROUPS_ALL_PAGES_ID = workflowOf(GROUPS_ALL_PAGES).id;
const ALERT = workflowOf(ALERT_EXAMPLE);
const CRM = workflowOf(CRM_EXAMPLE);
const PACER_ID = workflowOf(PACER_WRITES).id;

let ctx;
let cluster;

/**
 * Copies the workflows the scenarios need into one folder for `n8n import:workflow --separate`;
 * returns the IDs of those to publish.
 */
function workflowsFolder(dir) {
	fs.mkdirSync(dir);
	const published = new Set(SCENARIOS.flatMap((s) => s.workflows ?? []));
	const all = new Set([...published, ...SCENARIOS.flatMap((s) => s.unpublished ?? [])]);
	for (const file of all) fs.copyFileSync(file, path.join(dir, path.basename(file)));
	return [...published].map((file) => workflowOf(file).id);
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

for (const scenario of SCENARIOS) test(scenario.title, (t) => scenario.run(t));

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
		.sort(compareNewestFirst); // the API's order
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

let rest;
/** n8n's REST API on the main, signed in as the owner (set up on first use). */
async function restApi() {
	rest ??= await signIn(`http://localhost:${cluster.ports.main}`, { n8nBin: n8n.n8nBin() });
	return rest;
}

/**
 * Like assertRanOnWorker, for whichever worker is up: `enqueuer` queued the execution and one
 * running worker ran it, once. Returns that worker's name.
 */
async function assertRanOnAWorker(executionId, enqueuer) {
	await waitFor(
		`the logs to show execution ${executionId}`,
		() => q.ranBy(cluster, executionId).length && q.enqueuedBy(cluster, executionId).length,
		{ timeoutMs: 15_000 },
	);
	assert.deepEqual(q.enqueuedBy(cluster, executionId), [enqueuer]);
	const ranBy = q.ranBy(cluster, executionId);
	assert.equal(ranBy.length, 1, `one process ran execution ${executionId}: ${ranBy}`);
	assert.ok(
		q.liveWorkers(cluster).some((p) => p.name === ranBy[0]),
		`${ranBy[0]} is a worker`,
	);
	assert.equal(q.timesStarted(cluster, executionId), 1);
	return ranBy[0];
}

async function instantTrigger() {
	ctx.sandbox.reset();
	const api = await restApi();
	const trigger = ALERT.nodes.find((n) => n.type === 'n8n-nodes-posthog.postHogTrigger');
	// N8N_WEBHOOK_URL of every process: the webhook process's
	const webhookUrl = `http://localhost:${cluster.ports.webhook}/webhook/${trigger.webhookId}/webhook`;

	await api.activate(ALERT.id); // on the main, which creates the destination
	assert.deepEqual(apiRequests(), [
		`GET /api/projects/1/hog_functions/?limit=100&offset=0&search=n8n-ref%3A${ALERT.id}%3A`,
		'POST /api/projects/1/hog_functions/',
	]);
	const [destination, ...others] = ctx.sandbox.state.hogFunctions.filter((fn) =>
		fn.name.endsWith(`(workflow ${ALERT.id})`),
	);
	assert.deepEqual(others, [], 'one destination for the workflow');
	assert.equal(
		destination.inputs.url.value,
		webhookUrl,
		'n8n’s production URL, on the webhook process',
	);
	assert.equal(destination.enabled, true);
	assert.deepEqual(
		destination.filters.events.map((e) => e.id),
		['signup_failed'],
	);

	const afterId = await lastExecutionId(ALERT.id);
	const [delivery, ...more] = await ctx.sandbox.deliverEvent({
		event: 'signup_failed',
		distinct_id: 'maria@acme.com',
		properties: { reason: 'queue_mode' },
	});
	assert.deepEqual(more, []);
	assert.equal(delivery.url, webhookUrl);
	assert.deepEqual(delivery.statuses, [200]);
	const [execution] = await q.waitForFinishedExecutions(cluster, ALERT.id, { afterId });
	assert.equal(execution.status, 'success');
	assert.equal(execution.mode, 'webhook');
	await assertRanOnAWorker(execution.id, 'n8n webhook #1');

	const run = await q.storedRun(cluster, execution.id);
	const [received] = nodeOutput(run, trigger.name);
	assert.equal(received.event.event, 'signup_failed');
	assert.equal(received.event.distinct_id, 'maria@acme.com');
	assert.equal(received.event.properties.reason, 'queue_mode');
	const [alert] = nodeOutput(run, 'Alert text');
	assert.match(alert.text, /^Signup failed for maria@acme\.com: queue_mode \(/);

	// the webhook process reads the signing secret the main stored at activation
	const forged = await fetch(webhookUrl, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'x-n8n-secret': 'forged' },
		body: JSON.stringify({ event: { uuid: 'forged', event: 'signup_failed' } }),
	});
	assert.equal(forged.status, 401);

	ctx.sandbox.requests.length = 0;
	await api.deactivate(ALERT.id);
	assert.deepEqual(apiRequests(), [`PATCH /api/projects/1/hog_functions/${destination.id}/`]);
	assert.deepEqual(ctx.sandbox.requests[0].body, { deleted: true, enabled: false });
	assert.equal(destination.deleted, true);
	assert.deepEqual(
		await ctx.sandbox.deliverEvent({ event: 'signup_failed', distinct_id: 'x' }),
		[],
	);
	assert.deepEqual(
		(await q.executions(cluster, ALERT.id)).map((e) => e.id),
		[execution.id],
		'the forged call and the event after unpublishing started nothing',
	);
}

async function pollTrigger() {
	ctx.sandbox.reset();
	const api = await restApi();
	const trigger = CRM.nodes.find((n) => n.type === 'n8n-nodes-posthog.postHogPollTrigger');
	const companyList = (r) =>
		r.method === 'GET' && r.path === '/api/projects/1/groups/' && r.query.group_type_index === '0';
	const polls = () => q.pollsLogged(cluster, CRM.name);
	assert.deepEqual(polls(), {});

	await api.activate(CRM.id);
	try {
		// the first poll, on the main at activation, notes what exists and starts nothing
		assert.ok(ctx.sandbox.requests.length > 0);
		assert.ok(ctx.sandbox.requests.every(companyList), apiRequests().join('\n'));
		assert.deepEqual(await q.executions(cluster, CRM.id), []);
		assert.deepEqual(Object.keys(polls()), ['n8n main #1']);

		const created = await fetch(`${ctx.sandbox.url}/api/projects/1/groups/`, {
			method: 'POST',
			headers: {
				authorization: `Bearer ${ctx.sandbox.apiKey}`,
				'content-type': 'application/json',
			},
			body: JSON.stringify({
				group_type_index: 0,
				group_key: 'northwind-queue',
				group_properties: { name: 'Northwind Traders', domain: 'northwind.example', plan: 'pro' },
			}),
		});
		assert.equal(created.status, 201);

		// every minute, at a second n8n picked at activation
		const started = Date.now();
		const [execution] = await q.waitForFinishedExecutions(cluster, CRM.id, { timeoutMs: 150_000 });
		console.log(
			`# the poll trigger's execution finished ${Date.now() - started} ms after the group was created`,
		);
		assert.equal(execution.status, 'success');
		assert.equal(execution.mode, 'trigger');
		await assertRanOnAWorker(execution.id, 'n8n main #1');
		const logged = polls();
		assert.deepEqual(Object.keys(logged), ['n8n main #1'], 'only the main polled');
		assert.ok(logged['n8n main #1'] >= 2);

		const run = await q.storedRun(cluster, execution.id);
		assert.deepEqual(
			nodeOutput(run, trigger.name).map((c) => c.group_key),
			['northwind-queue'],
		);
		const [record] = nodeOutput(run, 'CRM company');
		assert.deepEqual(
			{ ...record, firstSeen: undefined },
			{
				name: 'Northwind Traders',
				domain: 'northwind.example',
				plan: 'pro',
				posthogGroupKey: 'northwind-queue',
				firstSeen: undefined,
			},
		);
		assert.deepEqual(
			apiRequests().filter((r, i) => !companyList(ctx.sandbox.requests[i])),
			['POST /api/projects/1/groups/'],
			'besides the polls, only the group this test created',
		);
	} finally {
		await api.deactivate(CRM.id);
	}
}

/**
 * The pacing runs: PostHog's throttle, scaled down from 480 a minute, over 500 writes from two
 * workers. The pacer's Requests per Minute counts a real minute, so the throttle's window is one.
 */
const PACER = {
	throttle: { requests: 300, windowMs: 60_000 },
	writes: 500,
	executions: 10,
};

const chunks = (list, size) =>
	Array.from({ length: Math.ceil(list.length / size) }, (_, i) =>
		list.slice(i * size, (i + 1) * size),
	);

/**
 * 500 Update Property writes from 10 webhook calls of 50 items, which the two workers (5 jobs at
 * a time each) share, against a throttle of 300 a minute. The timings and the 429s go to the
 * log: they depend on the machine's load; what must hold is that no item failed and PostHog
 * applied each write exactly once.
 */
async function pacedWrites(t, { requestsPerMinute }) {
	while (q.liveWorkers(cluster).length < 2) await cluster.start('worker');
	const workers = q.liveWorkers(cluster).map((p) => p.name);
	ctx.sandbox.reset();
	const run = requestsPerMinute ? `paced-${requestsPerMinute}` : 'retried';
	const accounts = seedGroups(ctx.sandbox.state, {
		projectId: DEMO.projectId,
		groupTypeIndex: 2,
		count: PACER.writes,
		prefix: `queue-${run}`,
	});
	ctx.sandbox.override = faults.throttle(PACER.throttle);
	const afterId = await lastExecutionId(PACER_ID);

	const started = Date.now();
	const calls = chunks(accounts, PACER.writes / PACER.executions).map((batch) =>
		callWebhook(cluster.ports.webhook, 'queue-pacer-writes', {
			method: 'POST',
			body: { items: batch.map((g) => ({ groupKey: g.group_key, run, requestsPerMinute })) },
		}),
	);
	for (const response of await Promise.all(calls)) assert.equal(response.status, 200);
	const done = await q.waitForFinishedExecutions(cluster, PACER_ID, {
		afterId,
		count: PACER.executions,
		timeoutMs: 360_000,
	});
	const wallMs = Date.now() - started;
	ctx.sandbox.override = null;

	const itemsBy = Object.fromEntries(workers.map((name) => [name, 0]));
	let failed = 0;
	for (const execution of done) {
		assert.equal(execution.status, 'success');
		const worker = await assertRanOnAWorker(execution.id, 'n8n webhook #1');
		const stored = await q.storedRun(cluster, execution.id);
		const written = nodeOutput(stored, 'Update property').length;
		const errors = nodeOutput(stored, 'Update property', 1);
		itemsBy[worker] += written + errors.length;
		failed += errors.length;
		if (errors.length) t.diagnostic(`execution ${execution.id}: ${JSON.stringify(errors[0])}`);
	}

	const writes = ctx.sandbox.requests.filter((r) => r.path.endsWith('/groups/update_property/'));
	const applied = writes.filter((r) => r.status === 200);
	const throttled = writes.filter((r) => r.status === 429).length;
	const firstMs = Math.min(...writes.map((r) => r.receivedAt));
	const lastMs = Math.max(...applied.map((r) => r.receivedAt));
	const { requests, windowMs } = PACER.throttle;
	const minimumMs = (Math.ceil(PACER.writes / requests) - 1) * windowMs;
	t.diagnostic(
		`Requests per Minute ${requestsPerMinute || 'off (PostHog Cloud’s 480 a minute)'} on each of ${workers.join(' and ')}; ` +
			`sandbox throttle ${requests} per ${windowMs / 1000} s`,
	);
	const split = Object.entries(itemsBy).map(([name, n]) => `${name} ${n}`);
	t.diagnostic(
		`items per worker: ${split.join(', ')}; failed items ${failed}; writes applied ${applied.length}; 429 answers ${throttled}`,
	);
	t.diagnostic(
		`first write to last applied write ${lastMs - firstMs} ms (the throttle allows no less than ${minimumMs} ms); ` +
			`webhook calls to the last execution finished ${wallMs} ms`,
	);
	const at = (list) => list.map((r) => ((r.receivedAt - firstMs) / 1000).toFixed(1));
	const throttledAt = at(writes.filter((r) => r.status === 429));
	if (throttledAt.length)
		t.diagnostic(`429s from +${throttledAt[0]} s to +${throttledAt[throttledAt.length - 1]} s`);
	// the pacer counts a request when it sends it, the throttle when it arrives
	t.diagnostic(`the first ${requests} writes arrived over ${at([writes[requests - 1]])[0]} s`);

	assert.equal(failed, 0, 'no item failed');
	assert.equal(
		Object.values(itemsBy).reduce((a, b) => a + b, 0),
		PACER.writes,
	);
	assert.ok(
		Object.values(itemsBy).every((n) => n > 0),
		'both workers ran some of the executions',
	);
	assert.equal(writes.length, applied.length + throttled, 'every write was applied or throttled');
	const appliedPerKey = new Map();
	for (const r of applied)
		appliedPerKey.set(r.query.group_key, (appliedPerKey.get(r.query.group_key) ?? 0) + 1);
	assert.deepEqual(
		accounts.filter((g) => appliedPerKey.get(g.group_key) !== 1).map((g) => g.group_key),
		[],
		'each account written exactly once',
	);
	assert.equal(appliedPerKey.size, PACER.writes);
	assert.ok(accounts.every((g) => g.group_properties.pacer_run === run));
}
