#!/usr/bin/env node
// Runs a command under Node 24, the runtime of n8n 2.x (docs/n8n-notes.md §3).
// If this Node is older, node@24 is installed once from the npm registry into a cache folder
// outside the repository and put first on PATH for the command. Also a module: `node24Bin()`.
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const NODE_VERSION = '24.21.0';

const cacheDir = () =>
	process.env.N8N_NODES_POSTHOG_CACHE ?? path.join(os.homedir(), '.cache', 'n8n-nodes-posthog');

/** The bin folder of a Node 24: this one, or the cached install (made on first use). */
function node24Bin() {
	if (Number(process.versions.node.split('.')[0]) >= 24) return path.dirname(process.execPath);
	const prefix = path.join(cacheDir(), `node-${NODE_VERSION}`);
	const bin = path.join(prefix, 'node_modules', 'node', 'bin');
	if (!fs.existsSync(path.join(bin, 'node'))) {
		console.error(`Installing Node ${NODE_VERSION} into ${prefix} (once)…`);
		// The `node` package fetches its platform binary in a preinstall script.
		execFileSync(
			'npm',
			[
				'install',
				'--prefix',
				prefix,
				'--no-save',
				'--no-package-lock',
				'--ignore-scripts=false',
				`node@${NODE_VERSION}`,
			],
			{ stdio: 'inherit' },
		);
	}
	return bin;
}

function main() {
	const [command, ...args] = process.argv.slice(2);
	if (!command) {
		console.error('usage: with-node24 <command> [args…]');
		process.exit(2);
	}
	const env = { ...process.env, PATH: `${node24Bin()}${path.delimiter}${process.env.PATH}` };
	const result = spawnSync(command, args, { stdio: 'inherit', env });
	if (result.error) throw result.error;
	process.exit(result.status ?? 1);
}

if (require.main === module) main();

module.exports = { node24Bin, cacheDir };
