'use strict';
// One measurement of (e), in a fresh process: the time to `require` the built node and credential.
// n8n has n8n-workflow loaded before it loads a community package, so it is required first and
// timed apart. Prints one JSON line.
const { dist, nodePath, credentialPath } = require('./dist');

const ms = (from) => Number(process.hrtime.bigint() - from) / 1e6;

let t = process.hrtime.bigint();
// the copy the build itself resolves (bench/ has its own, for n8n-nodes-base): loading the other
// one would time a second n8n-workflow as the node's own load
require(require.resolve('n8n-workflow', { paths: [dist] }));
const n8nWorkflowMs = ms(t);

t = process.hrtime.bigint();
const { PostHogManagement } = require(nodePath);
const { PostHogManagementApi } = require(credentialPath);
const requireMs = ms(t);

t = process.hrtime.bigint();
new PostHogManagement();
new PostHogManagementApi();
const instantiateMs = ms(t);

const ownFiles = Object.keys(require.cache).filter((file) => file.startsWith(dist)).length;
process.stdout.write(`${JSON.stringify({ n8nWorkflowMs, requireMs, instantiateMs, ownFiles })}\n`);
