'use strict';
// n8n 1.x compatibility: the example tests of examples.e2e.js, unchanged, on n8n 1.123.81 (the
// last 1.x), installed once into its own cache folder (scripts/dev/n8n.js, with the xlsx pin
// 1.x needs). Runs under Node 24 like 2.x, with 1.x's default expression engine.
// Run: npm run test:compat  (node:test under Node 24; not part of `npm test`).
process.env.N8N_VERSION = process.env.N8N_COMPAT_VERSION || '1.123.81';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { n8n } = require('./harness');

test(`the tests below run on n8n ${process.env.N8N_VERSION}`, async () => {
	n8n.ensureN8n();
	const { stdout } = await n8n.n8nCli(['--version'], n8n.node24Env());
	assert.equal(stdout.trim().split('\n').pop(), process.env.N8N_VERSION);
});

require('./examples.e2e');
