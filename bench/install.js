'use strict';
// The benchmarks' own dependencies (bench/package.json: n8n's HTTP Request node, the contender)
// stay out of the package's `npm ci`: this installs them into bench/node_modules on first use,
// and again when bench/package-lock.json changes.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const lock = path.join(__dirname, 'package-lock.json');
const installed = path.join(__dirname, 'node_modules', '.package-lock.json');

const isCurrent = () =>
	fs.existsSync(installed) && fs.statSync(installed).mtimeMs >= fs.statSync(lock).mtimeMs;

if (!isCurrent()) {
	console.error('Installing the benchmarks’ dependencies into bench/node_modules (once)…');
	execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: __dirname, stdio: 'inherit' });
}
