'use strict';
// The newest n8n: the example tests of examples.e2e.js, unchanged, on the newest n8n 2.x that
// installs from the npm registry (N8N_NEWEST_VERSION picks another), once, into its own cache
// folder like 2.40.7 (scripts/dev/n8n.js). 2.41.3, the newest published when this was written,
// depends on @n8n/agents 0.26.2, which the registry does not serve, so it cannot be installed.
// Run: npm run test:newest  (node:test under Node 24; not part of `npm test`).
process.env.N8N_VERSION = process.env.N8N_NEWEST_VERSION || '2.41.1';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { n8n } = require('./harness');

test(`the tests below run on n8n ${process.env.N8N_VERSION}`, async () => {
	n8n.ensureN8n();
	const { stdout } = await n8n.n8nCli(['--version'], n8n.node24Env());
	assert.equal(stdout.trim().split('\n').pop(), process.env.N8N_VERSION);
});

require('./examples.e2e');
