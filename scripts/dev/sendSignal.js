#!/usr/bin/env node
'use strict';
// `npm run dev:send-signal -- <signal> [key=value …]`: the PostHog sandbox of a running
// `npm run dev` plays one of PostHog's own signals (a new error-tracking issue, a firing insight
// alert, a feature flag turned off) and delivers it to the internal destinations that listen for
// it; a published workflow whose PostHog Trigger is on that kind runs. `key=value` pairs change
// the signal's properties (sandboxClient.js).
const { SIGNALS } = require('../../test/emulator/signals');
const { SANDBOX_SIGNALS_PATH } = require('./sandboxEvents');
const { parsePairs, postToSandbox, printDeliveries, run } = require('./sandboxClient');

const USAGE = `Usage: npm run dev:send-signal -- <${Object.keys(SIGNALS).join('|')}> [key=value …]`;

run(async () => {
	const [name, ...pairs] = process.argv.slice(2);
	if (!(name in SIGNALS)) {
		console.error(USAGE);
		process.exit(2);
	}
	const { event, deliveries } = await postToSandbox(SANDBOX_SIGNALS_PATH, {
		signal: name,
		properties: parsePairs(pairs),
	});
	printDeliveries(
		`${name} (${event.event})`,
		deliveries,
		'no internal destination listens for it. Publish a workflow whose PostHog Trigger is on that kind.',
	);
});
