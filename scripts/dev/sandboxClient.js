'use strict';
// What `npm run dev:send-event` and `npm run dev:send-signal` share: `key=value` arguments
// (values are JSON when they parse: `seats=3`, `paid=true`; text otherwise), the sandbox's
// address (POSTHOG_SANDBOX_URL, or http://127.0.0.1:$POSTHOG_SANDBOX_PORT, 8010), the POST to
// one of its endpoints, and the printout of the deliveries.

function parsePairs(pairs) {
	const properties = {};
	for (const pair of pairs) {
		const at = pair.indexOf('=');
		if (at < 1) throw new Error(`"${pair}" is not key=value`);
		const [key, text] = [pair.slice(0, at), pair.slice(at + 1)];
		try {
			properties[key] = JSON.parse(text);
		} catch {
			properties[key] = text;
		}
	}
	return properties;
}

async function postToSandbox(path, body) {
	const sandbox =
		process.env.POSTHOG_SANDBOX_URL ??
		`http://127.0.0.1:${process.env.POSTHOG_SANDBOX_PORT ?? 8010}`;
	let res;
	try {
		res = await fetch(`${sandbox}${path}`, {
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
	return answer;
}

/** One line per destination the sandbox delivered to, with its answers. */
function printDeliveries(what, deliveries, nobody) {
	if (!deliveries.length) {
		console.log(`${what} sent; ${nobody}`);
		return;
	}
	for (const d of deliveries) {
		const outcome = d.error ?? d.statuses.map((s) => s ?? 'no answer').join(', then ');
		console.log(`${what} → ${d.name}: ${d.url} answered ${outcome}`);
	}
}

function run(main) {
	main().catch((err) => {
		console.error(err.message);
		process.exit(1);
	});
}

module.exports = { parsePairs, postToSandbox, printDeliveries, run };
