// The tests run the BUILT package (dist/), as n8n loads it. `npm test` builds first.
const path = require('node:path');
const fs = require('node:fs');

const dist = path.join(__dirname, '..', '..', 'dist');
if (!fs.existsSync(dist))
	throw new Error('dist/ is missing: run `npm run build` (npm test does it for you)');

const node = (name) => require(path.join(dist, 'nodes', 'PostHog', `${name}.node.js`))[name];
const PostHogManagement = node('PostHogManagement');
const PostHogTrigger = node('PostHogTrigger');
const PostHogPollTrigger = node('PostHogPollTrigger');
const { PostHogManagementApi } = require(
	path.join(dist, 'credentials/PostHogManagementApi.credentials.js'),
);

module.exports = { PostHogManagement, PostHogManagementApi, PostHogPollTrigger, PostHogTrigger };
