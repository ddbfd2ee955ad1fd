'use strict';
// A scripted stand-in for OpenAI's chat completions API on loopback, for the agent test: n8n's
// OpenAI Chat Model (Responses API off) posts `{model, messages, tools}` to
// `<base URL>/chat/completions`; each answer comes from `script(body)`, which returns either
// `{ toolCall: { name, arguments } }` or `{ content }`. Every request body is kept, so a test can
// assert what the model was told (the tools' descriptions and schemas) and what it got back.
const http = require('node:http');

function completion(body, answer) {
	const message = answer.toolCall
		? {
				role: 'assistant',
				content: null,
				tool_calls: [
					{
						id: `call_${Date.now()}`,
						type: 'function',
						function: {
							name: answer.toolCall.name,
							arguments: JSON.stringify(answer.toolCall.arguments),
						},
					},
				],
			}
		: { role: 'assistant', content: answer.content };
	return {
		id: `chatcmpl-${Date.now()}`,
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model: body.model,
		choices: [
			{ index: 0, message, finish_reason: answer.toolCall ? 'tool_calls' : 'stop', logprobs: null },
		],
		usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
	};
}

/** The same answer as one server-sent-events stream, for a client that asks to stream. */
function streamed(res, full) {
	const { message, finish_reason } = full.choices[0];
	const delta = message.tool_calls
		? {
				role: 'assistant',
				tool_calls: message.tool_calls.map((call, index) => ({ index, ...call })),
			}
		: { role: 'assistant', content: message.content };
	res.writeHead(200, { 'content-type': 'text/event-stream' });
	const chunk = (choice) =>
		res.write(
			`data: ${JSON.stringify({ ...full, object: 'chat.completion.chunk', choices: [choice] })}\n\n`,
		);
	chunk({ index: 0, delta, finish_reason: null });
	chunk({ index: 0, delta: {}, finish_reason });
	res.end('data: [DONE]\n\n');
}

async function startFakeOpenAi() {
	const fake = {
		requests: [],
		script: () => ({ content: 'No script set.' }),
	};
	const server = http.createServer((req, res) => {
		let raw = '';
		req.on('data', (chunk) => (raw += chunk));
		req.on('end', () => {
			const body = raw ? JSON.parse(raw) : {};
			fake.requests.push({ method: req.method, path: req.url, body });
			if (req.method !== 'POST' || !req.url.endsWith('/chat/completions')) {
				res.writeHead(404, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ error: { message: `fake OpenAI: no ${req.method} ${req.url}` } }));
				return;
			}
			const full = completion(body, fake.script(body));
			if (body.stream) return streamed(res, full);
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(JSON.stringify(full));
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	fake.url = `http://127.0.0.1:${server.address().port}/v1`;
	fake.close = () => new Promise((resolve) => server.close(resolve));
	return fake;
}

module.exports = { startFakeOpenAi };
