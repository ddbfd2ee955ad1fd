'use strict';
// Where the built package is: dist/ (what `npm run bench` builds), or POSTHOG_BENCH_DIST to
// measure another build (e.g. a copy taken before a change) without rebuilding dist/.
const path = require('node:path');

const dist = process.env.POSTHOG_BENCH_DIST ? path.resolve(process.env.POSTHOG_BENCH_DIST) : path.join(__dirname, '..', 'dist');
const nodePath = path.join(dist, 'nodes/PostHogManagement/PostHogManagement.node.js');
const credentialPath = path.join(dist, 'credentials/PostHogManagementApi.credentials.js');

module.exports = { dist, nodePath, credentialPath };
