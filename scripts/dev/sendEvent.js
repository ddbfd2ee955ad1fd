#!/usr/bin/env node
'use strict';
// `npm run dev:send-event -- <event name> [distinct id] [key=value …]`: the PostHog sandbox of a
// running `npm run dev` delivers one event to its destinations, as PostHog would; a published
// workflow whose PostHog Trigger listens for that event runs. Values are JSON when they parse
// (`seats=3`, `paid=true`), text otherwise. The sandbox: POSTHOG_SANDBOX_URL, or
// http://127.0.0.1:$POSTHOG_SANDBOX_PORT (8010).
const { SANDBOX_EVENTS_PATH } = require('./sandboxEvents');

function parseArgs(argv) {
	const [event, ...rest] = argv;
	const distinctId = rest[0] && !rest[0].includes('=') ? rest.shift() : 'maria@acme.com';
	const properties = {};
	for (const pair of rest) {
		const at = pair.indexOf('=');
		if (at < 1) throw new Error(`"${pair}" is not key=value`);
		const [key, text] = [pair.slice(0, at), pair.slice(at + 1)];
		try {
			properties[key] = JSON.parse(text);
		} catch {
			properties[key] = text;
		}
	}
	return { event, distinct_id: distinctId, properties };
}

async function main() {
	const body = parseArgs(process.argv.slice(2));
	if (!body.event) {
		console.error('Usage: npm run dev:send-event -- <event name> [distinct id] [key=value …]');
		process.exit(2);
	}
	const sandbox =
		process.env.POSTHOG_SANDBOX_URL ??
		`http://127.0.0.1:${process.env.POSTHOG_SANDBOX_PORT ?? 8010}`;
	let res;
	try {
		res = await fetch(`${sandbox}${SANDBOX_EVENTS_PATH}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});
	} catch {
		throw new Error(
			`No sandbox at ${sandbox}: start it with \`npm run dev\` (or set POSTHOG_SANDBOX_URL)`,
		);
	}
	const answer = await res.json();
	if (!res.ok) throw new Error(`${res.status}: ${JSON.stringify(answer)}`);
	const { deliveries } = answer;
	if (!deliveries.length) {
		console.log(
			`"${body.event}" sent; no enabled destination listens for it. Publish a workflow whose PostHog Trigger lists it.`,
		);
		return;
	}
	for (const d of deliveries) {
		const outcome = d.statuses.map((s) => s ?? 'no answer').join(', then ');
		console.log(`"${body.event}" → ${d.name}: ${d.url} answered ${outcome}`);
	}
}

main().catch((err) => {
	console.error(err.message);
	process.exit(1);
});
