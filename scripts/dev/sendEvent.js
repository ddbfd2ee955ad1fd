#!/usr/bin/env node
'use strict';
// `npm run dev:send-event -- <event name> [distinct id] [key=value …]`: the PostHog sandbox of a
// running `npm run dev` delivers one event to its destinations, as PostHog would; a published
// workflow whose PostHog Trigger listens for that event runs (sandboxClient.js: values, address).
const { SANDBOX_EVENTS_PATH } = require('./sandboxEvents');
const { parsePairs, postToSandbox, printDeliveries, run } = require('./sandboxClient');

function parseArgs(argv) {
	const [event, ...rest] = argv;
	const distinctId = rest[0] && !rest[0].includes('=') ? rest.shift() : 'maria@acme.com';
	return { event, distinct_id: distinctId, properties: parsePairs(rest) };
}

run(async () => {
	const body = parseArgs(process.argv.slice(2));
	if (!body.event) {
		console.error('Usage: npm run dev:send-event -- <event name> [distinct id] [key=value …]');
		process.exit(2);
	}
	const { deliveries } = await postToSandbox(SANDBOX_EVENTS_PATH, body);
	printDeliveries(
		`"${body.event}"`,
		deliveries,
		'no enabled destination listens for it. Publish a workflow whose PostHog Trigger lists it.',
	);
});
