// A stand-in for n8n's webhook server in the instant trigger's tests: it hands every POST it gets
// to the trigger's webhook() (runTrigger.js `deliver`) and answers as n8n would, so PostHog's
// deliveries (the emulator's `deliverEvent`) reach the node over real HTTP.
const http = require('node:http');

async function startWebhookReceiver() {
	const receiver = {
		url: '',
		/** (request) => Promise<{ answer: { status, body } }>: set once the trigger exists. */
		handle: undefined,
		/** Every delivery: `{ path, headers, body, answer, items }`. */
		deliveries: [],
		close: () => new Promise((resolve) => server.close(resolve)),
	};
	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', async () => {
			const text = Buffer.concat(chunks).toString('utf8');
			const body = text ? JSON.parse(text) : {};
			const { answer, items } = await receiver.handle({
				headers: req.headers,
				body,
				rawBody: text,
			});
			receiver.deliveries.push({ path: req.url, headers: req.headers, body, answer, items });
			res.writeHead(answer.status, { 'content-type': 'application/json' });
			res.end(JSON.stringify(answer.body ?? {}));
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	receiver.url = `http://127.0.0.1:${server.address().port}`;
	return receiver;
}

module.exports = { startWebhookReceiver };
