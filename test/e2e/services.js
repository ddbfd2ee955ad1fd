'use strict';
// Processes, ports and waits for end-to-end tests that run several servers at once.
// Each process runs in its own process group (so stopping it also stops what it started, e.g.
// n8n's task runner) and is remembered until it exits: stopAll() stops them newest first, each
// waited for, and if the test process ends early they are all killed by PID.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const { freePort } = require('../../scripts/dev/n8n');

const running = [];
const MAX_KEPT_OUTPUT = 5_000_000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `check` until it returns something truthy, and returns that; throws after `timeoutMs`.
 * An error thrown by `check` is retried, unless it is marked `fatal`.
 */
async function waitFor(what, check, { timeoutMs = 60_000, intervalMs = 250 } = {}) {
	const started = Date.now();
	let lastError;
	for (;;) {
		try {
			const value = await check();
			if (value) return value;
		} catch (err) {
			if (err.fatal) throw err;
			lastError = err;
		}
		if (Date.now() - started > timeoutMs) {
			const cause = lastError ? ` (last error: ${lastError.message})` : '';
			throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${cause}`);
		}
		await sleep(intervalMs);
	}
}

/** Several distinct free ports on 127.0.0.1. */
async function freePorts(count) {
	const ports = new Set();
	while (ports.size < count) ports.add(await freePort(0));
	return [...ports];
}

function sendSignal(pid, name, { group = true } = {}) {
	try {
		process.kill(group ? -pid : pid, name);
	} catch {
		// gone already
	}
}

function forget(handle) {
	const index = running.indexOf(handle);
	if (index !== -1) running.splice(index, 1);
}

/**
 * Starts `command args` in its own process group; its output goes to `logFile` and is kept in
 * memory for `output()`. `stopSignal` is what stop() sends first (to the leader only when
 * `signalLeaderOnly`, e.g. PostgreSQL, which stops its own children); SIGKILL to the group
 * follows after `stopTimeoutMs`.
 */
function startProcess(name, command, args, options = {}) {
	const {
		env,
		cwd,
		uid,
		gid,
		logFile,
		stopSignal = 'SIGTERM',
		signalLeaderOnly = false,
		stopTimeoutMs = 20_000,
	} = options;
	const child = spawn(command, args, {
		env,
		cwd,
		uid,
		gid,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const log = logFile ? fs.createWriteStream(logFile, { flags: 'a' }) : null;
	let text = '';
	const onData = (data) => {
		if (log) log.write(data);
		text = (text + data).slice(-MAX_KEPT_OUTPUT);
	};
	child.stdout.on('data', onData);
	child.stderr.on('data', onData);
	const handle = { name, pid: child.pid, logFile, exit: null, output: () => text };
	handle.exited = new Promise((resolve) => {
		const done = (exit) => {
			if (handle.exit) return;
			handle.exit = exit;
			forget(handle);
			if (log) log.end();
			resolve(exit);
		};
		child.on('error', (error) => done({ error }));
		child.on('close', (code, signal) => done({ code, signal }));
	});
	handle.stop = () => stopProcess(handle, { stopSignal, signalLeaderOnly, stopTimeoutMs });
	if (child.pid) running.push(handle);
	return handle;
}

async function stopProcess(handle, { stopSignal, signalLeaderOnly, stopTimeoutMs }) {
	if (handle.exit) return handle.exit;
	sendSignal(handle.pid, stopSignal, { group: !signalLeaderOnly });
	const timer = setTimeout(() => sendSignal(handle.pid, 'SIGKILL'), stopTimeoutMs);
	const exit = await handle.exited;
	clearTimeout(timer);
	sendSignal(handle.pid, 'SIGKILL'); // anything of the group that outlived its leader
	return exit;
}

/** Throws with the end of the process's output if it has exited. */
function assertRunning(handle) {
	if (handle.exit) {
		const message = `${handle.name} exited (${JSON.stringify(handle.exit)}):\n${handle.output().slice(-4000)}`;
		throw Object.assign(new Error(message), { fatal: true });
	}
}

/** Stops every process still running, newest first, each waited for. */
async function stopAll() {
	for (const handle of [...running].reverse()) await handle.stop();
}

const removeAtExit = new Set();

/** Deletes `dir` when the test process exits without having deleted it itself. */
function removeOnExit(dir) {
	removeAtExit.add(dir);
	return () => {
		removeAtExit.delete(dir);
		fs.rmSync(dir, { recursive: true, force: true });
	};
}

function killAllNow() {
	for (const handle of running) sendSignal(handle.pid, 'SIGKILL');
	for (const dir of removeAtExit) fs.rmSync(dir, { recursive: true, force: true });
}

process.on('exit', killAllNow);
for (const name of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
	process.once(name, () => {
		killAllNow();
		process.exit(128 + os.constants.signals[name]);
	});
}

module.exports = { sleep, waitFor, freePorts, startProcess, assertRunning, stopAll, removeOnExit };
