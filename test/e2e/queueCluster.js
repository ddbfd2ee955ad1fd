'use strict';
// n8n 2.x in queue mode on one host, for the tests: a PostgreSQL and a Redis of its own, and an
// n8n main, worker and webhook process sharing one encryption key, database and user folder
// (so the one copy of the package installed there serves all three). Loopback only.
const path = require('node:path');
const { createRequire } = require('node:module');
const n8n = require('../../scripts/dev/n8n');
const { startPostgres, startRedis } = require('./backends');
const { startProcess, waitFor, freePorts, assertRunning } = require('./services');

const ENCRYPTION_KEY = 'queue-e2e-encryption-key-0123456789';
const FINISHED = ['success', 'error', 'crashed', 'canceled'];

/**
 * What every n8n process of the cluster shares: the key, the database, Redis, queue mode, and the
 * webhook process's URL as the production webhook URL (a trigger that registers its URL with
 * PostHog on the main must give the process that serves it). Debug logs show where polls ran.
 */
function sharedSettings(postgres, redis, ports) {
	const webhookUrl = `http://localhost:${ports.webhook}/`;
	return {
		N8N_WEBHOOK_URL: webhookUrl,
		WEBHOOK_URL: webhookUrl,
		N8N_LOG_LEVEL: 'debug',
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: postgres.host,
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: postgres.password,
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
	};
}

/**
 * How each kind of process is started and when it is ready. Every process that may run a task
 * broker needs a broker port of its own: a second one on the default port exits. So does each
 * worker's health check (`ports.workerHealth`, given per worker).
 */
function roles(ports) {
	return {
		main: {
			args: ['start'],
			port: ports.main,
			readyUrl: `http://127.0.0.1:${ports.main}/healthz/readiness`,
		},
		worker: {
			// it listens only for its health check; N8N_PORT names the main's URL
			args: ['worker', '--concurrency=5'],
			port: ports.main,
			extra: {
				QUEUE_HEALTH_CHECK_ACTIVE: 'true',
				QUEUE_HEALTH_CHECK_PORT: String(ports.workerHealth),
			},
			readyUrl: `http://127.0.0.1:${ports.workerHealth}/healthz/readiness`,
		},
		webhook: {
			args: ['webhook'],
			port: ports.webhook,
			readyUrl: `http://127.0.0.1:${ports.webhook}/healthz/readiness`,
		},
		cli: { port: ports.main },
	};
}

async function isReady(handle, url) {
	assertRunning(handle);
	try {
		return (await fetch(url)).ok;
	} catch {
		return false;
	}
}

/** Imports the credentials and workflows, and publishes the workflows, before n8n starts. */
async function importAndPublish(env, { credentialFile, workflowsDir, workflowIds }) {
	await n8n.n8nCli(['import:credentials', `--input=${credentialFile}`], env);
	await n8n.n8nCli(['import:workflow', '--separate', `--input=${workflowsDir}`], env);
	for (const id of workflowIds) await n8n.n8nCli(['publish:workflow', `--id=${id}`], env);
}

/**
 * Starts the cluster: backends, import and publication, then main, worker and webhook process,
 * and waits until the published workflows are active. Stops whatever it started if that fails.
 * `timings` says where the start-up time went.
 */
async function startQueueCluster({
	userFolder,
	logDir,
	credentialFile,
	workflowsDir,
	workflowIds,
}) {
	const cleanups = [];
	const stop = async () => {
		while (cleanups.length) await cleanups.pop()();
	};
	const timings = {};
	const timed = async (name, step) => {
		const started = Date.now();
		const result = await step();
		timings[name] = Date.now() - started;
		return result;
	};
	try {
		const { postgres, redis } = await timed('backendsMs', async () => {
			const postgres = await startPostgres({ logDir });
			cleanups.push(postgres.stop);
			const redis = await startRedis({ logDir });
			cleanups.push(redis.stop);
			return { postgres, redis };
		});
		const [main, webhook] = await freePorts(2);
		const cluster = {
			postgres,
			redis,
			ports: { main, webhook },
			logDir,
			processes: [],
			timings,
			stop,
		};
		const envFor = environments(
			userFolder,
			cluster.ports,
			sharedSettings(postgres, redis, cluster.ports),
		);
		await timed('importMs', async () =>
			importAndPublish((await envFor('cli')).env, { credentialFile, workflowsDir, workflowIds }),
		);
		cluster.start = async (role) => {
			const { kind, env } = await envFor(role);
			return startRole(cluster, role, kind, env);
		};
		cleanups.push(() => stopN8nProcesses(cluster));
		await timed('processesMs', () => Promise.all(['main', 'worker', 'webhook'].map(cluster.start)));
		await timed('activationMs', () => waitForPublished(postgres, workflowIds));
		return cluster;
	} catch (err) {
		await stop();
		throw err;
	}
}

/**
 * How to start each new process and its environment: a broker port (and for a worker, a health
 * check port) no other process of the cluster has.
 */
function environments(userFolder, ports, shared) {
	const used = new Set(Object.values(ports));
	const freshPort = async () => {
		let port;
		do [port] = await freePorts(1);
		while (used.has(port));
		used.add(port);
		return port;
	};
	return async (role) => {
		const workerHealth = role === 'worker' ? await freshPort() : undefined;
		const kind = roles({ ...ports, workerHealth })[role];
		const brokerPort = await freshPort();
		const env = n8n.n8nEnv(userFolder, {
			port: kind.port,
			brokerPort,
			extra: { ...shared, ...kind.extra },
		});
		return { kind, env };
	};
}

/** Starts one n8n process of `role` and waits until it is ready; its log gets its own file. */
async function startRole(cluster, role, kind, env) {
	const index = cluster.processes.filter((p) => p.role === role).length + 1;
	const handle = startProcess(`n8n ${role} #${index}`, 'node', [n8n.n8nBin(), ...kind.args], {
		env,
		logFile: path.join(cluster.logDir, `${role}-${index}.log`),
		stopTimeoutMs: 30_000,
	});
	handle.role = role;
	cluster.processes.push(handle);
	const started = Date.now();
	await waitFor(`${handle.name} to be ready`, () => isReady(handle, kind.readyUrl), {
		timeoutMs: 240_000,
		intervalMs: 500,
	});
	handle.readyMs = Date.now() - started;
	return handle;
}

/** Newest first, so a worker still has its main and Redis while it stops. */
async function stopN8nProcesses(cluster) {
	for (const handle of [...cluster.processes].reverse()) await handle.stop();
}

/** Published workflows are activated by n8n's publication service shortly after the main starts. */
function waitForPublished(postgres, workflowIds) {
	return waitFor(
		`workflows ${workflowIds.join(', ')} to be activated`,
		async () => {
			const rows = await postgres.query(
				`select distinct on ("workflowId") "workflowId", status from workflow_publication_outbox
				 where "workflowId" = any($1) order by "workflowId", id desc`,
				[workflowIds],
			);
			const failed = rows.find((r) => r.status === 'failed');
			if (failed)
				throw Object.assign(new Error(`publication of ${failed.workflowId} failed`), {
					fatal: true,
				});
			return rows.length === workflowIds.length && rows.every((r) => r.status === 'completed');
		},
		{ timeoutMs: 60_000, intervalMs: 500 },
	);
}

/** Executions of a workflow, oldest first. */
async function executions(cluster, workflowId) {
	const rows = await cluster.postgres.query(
		'select id, mode, status from execution_entity where "workflowId" = $1 order by id',
		[workflowId],
	);
	return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** Waits for `count` executions of the workflow newer than `afterId` to finish; returns them. */
function waitForFinishedExecutions(
	cluster,
	workflowId,
	{ afterId = 0, count = 1, timeoutMs = 60_000 } = {},
) {
	return waitFor(
		`${count} finished execution(s) of ${workflowId} after #${afterId}`,
		async () => {
			const newer = (await executions(cluster, workflowId)).filter((e) => e.id > afterId);
			return newer.length >= count && newer.every((e) => FINISHED.includes(e.status)) && newer;
		},
		{ timeoutMs },
	);
}

/** The run data n8n stored for an execution, shaped like `n8n execute --rawOutput` prints it. */
async function storedRun(cluster, executionId) {
	const [row] = await cluster.postgres.query(
		'select data from execution_data where "executionId" = $1',
		[executionId],
	);
	if (!row) throw new Error(`no stored data for execution ${executionId}`);
	const { parse } = createRequire(n8n.n8nBin())('flatted'); // n8n stores it flatted
	return { data: parse(row.data) };
}

/** The processes whose log says that they ran an execution, from start to finish. */
function ranBy(cluster, executionId) {
	const started = new RegExp(`Worker started execution ${executionId} \\(job \\d+\\)`);
	const finished = new RegExp(`Worker finished execution ${executionId} \\(job \\d+\\)`);
	return cluster.processes
		.filter((p) => started.test(p.output()) && finished.test(p.output()))
		.map((p) => p.name);
}

/** The processes whose log says that they put an execution on the queue. */
function enqueuedBy(cluster, executionId) {
	const enqueued = new RegExp(`Enqueued execution ${executionId} \\(job \\d+\\)`);
	return cluster.processes.filter((p) => enqueued.test(p.output())).map((p) => p.name);
}

/** How often the logs say an execution was started by a worker (more than once = ran twice). */
function timesStarted(cluster, executionId) {
	const started = new RegExp(`Worker started execution ${executionId} \\(job \\d+\\)`, 'g');
	return cluster.processes.reduce((n, p) => n + (p.output().match(started) ?? []).length, 0);
}

/** Jobs waiting in or being worked on from n8n's Bull queue (`jobs`, prefix `bull`). */
async function queuedJobs(cluster) {
	const [waiting, active] = await Promise.all([
		cluster.redis.command('LLEN', 'bull:jobs:wait'),
		cluster.redis.command('LLEN', 'bull:jobs:active'),
	]);
	return { waiting, active };
}

/** The worker processes still running. */
const liveWorkers = (cluster) => cluster.processes.filter((p) => p.role === 'worker' && !p.exit);

/**
 * How often each process logged a poll of the workflow's polling trigger (n8n's debug line
 * "Poll trigger initiated"), by process name; processes that logged none are left out.
 */
function pollsLogged(cluster, workflowName) {
	const line = `Poll trigger initiated for workflow "${workflowName}"`;
	return Object.fromEntries(
		cluster.processes
			.map((p) => [p.name, p.output().split(line).length - 1])
			.filter(([, count]) => count > 0),
	);
}

module.exports = {
	startQueueCluster,
	liveWorkers,
	pollsLogged,
	executions,
	waitForFinishedExecutions,
	storedRun,
	ranBy,
	enqueuedBy,
	timesStarted,
	queuedJobs,
};
