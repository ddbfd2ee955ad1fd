'use strict';
// The servers n8n's queue mode needs, started on loopback for one test run and stopped after it:
// PostgreSQL (Debian's server binaries) and Redis (Debian's redis-server).
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { createRequire } = require('node:module');
const { n8nBin } = require('../../scripts/dev/n8n');
const { startProcess, waitFor, freePorts, removeOnExit } = require('./services');

const PG_ROOT = '/usr/lib/postgresql';
const INITDB_OPTIONS = ['-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'];

/** The bin folder of the newest PostgreSQL server Debian installed (PG_BIN overrides it). */
function postgresBin() {
	if (process.env.PG_BIN) return process.env.PG_BIN;
	const majors = fs.existsSync(PG_ROOT)
		? fs.readdirSync(PG_ROOT).filter((v) => /^\d+$/.test(v))
		: [];
	const bin = majors
		.sort((a, b) => b - a)
		.map((major) => path.join(PG_ROOT, major, 'bin'))
		.find(
			(dir) => fs.existsSync(path.join(dir, 'postgres')) && fs.existsSync(path.join(dir, 'initdb')),
		);
	if (!bin)
		throw new Error(
			`No PostgreSQL server in ${PG_ROOT}/*/bin: apt-get install postgresql (or set PG_BIN)`,
		);
	return bin;
}

/** PostgreSQL refuses to run as root: then it runs as the `postgres` user Debian's package made. */
function postgresUser() {
	if (process.getuid() !== 0) return {};
	const line = fs
		.readFileSync('/etc/passwd', 'utf8')
		.split('\n')
		.find((l) => l.startsWith('postgres:'));
	if (!line)
		throw new Error('Running as root and there is no `postgres` user to run PostgreSQL as');
	const [, , uid, gid] = line.split(':');
	return { uid: Number(uid), gid: Number(gid) };
}

function runAs(user, command, args) {
	const result = spawnSync(command, args, { ...user, encoding: 'utf8' });
	if (result.status !== 0)
		throw new Error(`${command} failed (${result.status}): ${result.stderr || result.error}`);
}

/** A pool of the `pg` client n8n itself ships (so the tests need no dependency of their own). */
function pgPool(connection) {
	const { Pool } = createRequire(n8nBin())('pg');
	const pool = new Pool({ ...connection, max: 2 });
	pool.on('error', () => {}); // an idle client losing its server while everything stops
	return pool;
}

async function query(connection, text) {
	const pool = pgPool(connection);
	try {
		return (await pool.query(text)).rows;
	} finally {
		await pool.end();
	}
}

/**
 * A PostgreSQL server on 127.0.0.1 with an empty database `database` (trust auth, no fsync).
 * `query(text, params)` runs SQL in that database.
 */
async function startPostgres({ database = 'n8n', logDir }) {
	const bin = postgresBin();
	const user = postgresUser();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-posthog-pg-'));
	const removeDir = removeOnExit(dir);
	if (user.uid !== undefined) fs.chownSync(dir, user.uid, user.gid);
	const data = path.join(dir, 'data');
	runAs(user, path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', ...INITDB_OPTIONS]);
	const [port] = await freePorts(1);
	const settings = [
		'listen_addresses=127.0.0.1',
		`unix_socket_directories=${dir}`,
		'fsync=off',
		'synchronous_commit=off',
		'full_page_writes=off',
	];
	const server = startProcess(
		'postgres',
		path.join(bin, 'postgres'),
		['-D', data, '-p', String(port), ...settings.flatMap((s) => ['-c', s])],
		{
			...user,
			logFile: path.join(logDir, 'postgres.log'),
			stopSignal: 'SIGINT', // "fast" shutdown
			signalLeaderOnly: true,
		},
	);
	const admin = {
		host: '127.0.0.1',
		port,
		user: 'postgres',
		password: 'unused',
		database: 'postgres',
	};
	await waitFor('PostgreSQL to accept connections', () => query(admin, 'select 1'), {
		timeoutMs: 30_000,
	});
	await query(admin, `create database ${database}`);
	const pool = pgPool({ ...admin, database });
	const stop = async () => {
		await pool.end();
		await server.stop();
		removeDir();
	};
	const run = async (text, params) => (await pool.query(text, params)).rows;
	return { ...admin, database, bin, server, query: run, stop };
}

/** Sends one command to Redis and resolves its reply (simple string, error, integer or bulk). */
function redisCommand(port, ...args) {
	return new Promise((resolve, reject) => {
		const socket = net.connect(port, '127.0.0.1');
		let reply = '';
		socket.setTimeout(5000, () => socket.destroy(new Error('Redis did not answer')));
		socket.on('error', reject);
		socket.on('data', (data) => {
			reply += data;
			const match = /^([+\-:$])([^\r]*)\r\n/.exec(reply);
			if (!match) return;
			const [, type, value] = match;
			if (type === '$' && Number(value) >= 0 && reply.length < match[0].length + Number(value) + 2)
				return;
			socket.end();
			if (type === '-') reject(new Error(value));
			else if (type === ':') resolve(Number(value));
			else if (type === '$')
				resolve(Number(value) < 0 ? null : reply.substr(match[0].length, Number(value)));
			else resolve(value);
		});
		socket.write(
			`*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(String(a))}\r\n${a}\r\n`).join('')}`,
		);
	});
}

function redisServerPath() {
	const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
	if (found.status !== 0) {
		throw new Error(
			'redis-server is not installed: `apt-get install redis-server` (Debian), which .ci/run does',
		);
	}
	return found.stdout.trim();
}

/** A Redis server on 127.0.0.1 that keeps nothing on disk. */
async function startRedis({ logDir }) {
	const command = redisServerPath();
	const [port] = await freePorts(1);
	const args = [
		'--port',
		String(port),
		'--bind',
		'127.0.0.1',
		'--save',
		'',
		'--appendonly',
		'no',
		'--dir',
		logDir,
		'--daemonize',
		'no',
	];
	const server = startProcess('redis', command, args, { logFile: path.join(logDir, 'redis.log') });
	await waitFor('Redis to answer PING', async () => (await redisCommand(port, 'PING')) === 'PONG', {
		timeoutMs: 15_000,
	});
	return {
		host: '127.0.0.1',
		port,
		server,
		command: (...args) => redisCommand(port, ...args),
		stop: () => server.stop(),
	};
}

module.exports = { startPostgres, startRedis };
