'use strict';
// The newest n8n: the example tests of examples.e2e.js, unchanged, on the newest n8n 2.x the
// npm registry served when this was written (N8N_NEWEST_VERSION picks another), installed once
// into its own cache folder like 2.40.7 (scripts/dev/n8n.js).
// Run: npm run test:newest  (node:test under Node 24; not part of `npm test`).
process.env.N8N_VERSION = process.env.N8N_NEWEST_VERSION || '2.41.3';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { n8n } = require('./harness');

test(`the tests below run on n8n ${process.env.N8N_VERSION}`, async () => {
	n8n.ensureN8n();
	const { stdout } = await n8n.n8nCli(['--version'], n8n.node24Env());
	assert.equal(stdout.trim().split('\n').pop(), process.env.N8N_VERSION);
});

require('./examples.e2e');
