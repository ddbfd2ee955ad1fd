'use strict';
// PostHog Management as an AI agent's tool, in a real n8n 2.40.7: a workflow with n8n's AI Agent,
// its OpenAI Chat Model pointed at a scripted fake on loopback (fakeOpenAi.js), and two PostHog
// Management tools (Query → Run, Person → Get Many) filled by the model through `$fromAI()`.
// Asserts what the model was told (each tool's description and schema), what the sandbox
// received, what the model got back (rows, or a failing query's actionable message) and the
// agent's answer. No outside service.
// Run: npm run test:agent  (node:test under Node 24; not part of `npm test`).
const { after, before, test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { setUp, executeWorkflow, nodeOutput, CREDENTIAL, n8n } = require('./harness');
const { startFakeOpenAi } = require('./fakeOpenAi');

const OPENAI_CREDENTIAL = { id: 'FakeOpenAiCred01', name: 'Fake OpenAI', type: 'openAiApi' };
const WORKFLOW_ID = 'PhAgentTools0001';
const PROJECT = { __rl: true, mode: 'id', value: '1' };
const posthogCredential = { postHogManagementApi: { id: CREDENTIAL.id, name: CREDENTIAL.name } };
const fromAI = (key, description) => `={{ $fromAI('${key}', \`${description}\`, 'string') }}`;

/** Manual trigger → AI Agent, with the fake model and the two PostHog tools attached. */
const WORKFLOW = {
	id: WORKFLOW_ID,
	name: 'Agent with PostHog tools (test)',
	active: false,
	settings: { executionOrder: 'v1' },
	connections: {
		Start: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
		'Fake model': {
			ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]],
		},
		'Run HogQL': { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
		'Find persons': { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
	},
	nodes: [
		{
			id: 'a1',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: 'a2',
			name: 'AI Agent',
			type: '@n8n/n8n-nodes-langchain.agent',
			typeVersion: 3.1,
			position: [220, 0],
			parameters: {
				promptType: 'define',
				text: 'Which events did our users send most, and who is maria@acme.com?',
				options: {},
			},
		},
		{
			id: 'a3',
			name: 'Fake model',
			type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
			typeVersion: 1.3,
			position: [120, 200],
			parameters: {
				model: { __rl: true, mode: 'id', value: 'gpt-fake' },
				responsesApiEnabled: false,
				options: {},
			},
			credentials: { openAiApi: { id: OPENAI_CREDENTIAL.id, name: OPENAI_CREDENTIAL.name } },
		},
		{
			id: 'a4',
			name: 'Run HogQL',
			type: 'n8n-nodes-posthog.postHogManagementTool',
			typeVersion: 1,
			position: [320, 200],
			parameters: {
				resource: 'query',
				operation: 'run',
				projectId: PROJECT,
				query: fromAI('query', 'A HogQL SELECT'),
			},
			credentials: posthogCredential,
		},
		{
			id: 'a5',
			name: 'Find persons',
			type: 'n8n-nodes-posthog.postHogManagementTool',
			typeVersion: 1,
			position: [480, 200],
			parameters: {
				resource: 'person',
				operation: 'getAll',
				projectId: PROJECT,
				returnAll: false,
				limit: 5,
				filters: { email: fromAI('email', 'The email address of the person') },
			},
			credentials: posthogCredential,
		},
	],
};

let ctx;
let model;

before(async () => {
	model = await startFakeOpenAi();
	ctx = await setUp();
	await ctx.importAll();
	const file = (name, content) => {
		const target = path.join(ctx.work, name);
		fs.writeFileSync(target, JSON.stringify(content, null, 2));
		return target;
	};
	const credentials = file('openai.json', [
		{ ...OPENAI_CREDENTIAL, data: { apiKey: 'sk-fake', url: model.url } },
	]);
	await n8n.n8nCli(['import:credentials', `--input=${credentials}`], ctx.env);
	await n8n.n8nCli(['import:workflow', `--input=${file('agent.json', WORKFLOW)}`], ctx.env);
});

after(async () => {
	if (ctx) await ctx.tearDown();
	if (model) await model.close();
});

/** The model's script: call `tool` with `args` first, then answer quoting what it got back. */
function callThenAnswer(tool, args) {
	return (body) => {
		const result = body.messages.find((message) => message.role === 'tool');
		if (!result) return { toolCall: { name: tool, arguments: args } };
		return { content: `The tool answered: ${result.content}` };
	};
}

const toolsSent = () => model.requests[0].body.tools.map((tool) => tool.function);
const toolResult = () =>
	model.requests.at(-1).body.messages.find((message) => message.role === 'tool').content;

async function runAgent(script) {
	model.requests.length = 0;
	model.script = script;
	ctx.sandbox.reset();
	const { run, ms } = await executeWorkflow(ctx.env, WORKFLOW_ID);
	return { run, ms, answer: nodeOutput(run, 'AI Agent')[0].output };
}

test('the model is told what each PostHog tool does, returns and allows, and what to fill in', async () => {
	const { ms } = await runAgent(() => ({ content: 'No tool needed.' }));
	console.log(`# agent run without a tool call: ${ms} ms`);

	const tools = Object.fromEntries(toolsSent().map((tool) => [tool.name, tool]));
	console.log(`# tools sent to the model: ${JSON.stringify(tools, null, 1)}`);
	assert.deepEqual(Object.keys(tools).sort(), ['Find_persons', 'Run_HogQL']);

	const hogql = tools.Run_HogQL;
	for (const fact of [
		'HogQL',
		'events',
		'persons',
		'groups',
		'sessions',
		'LIMIT',
		'LIMIT 50000',
		'100 rows',
		'120 queries an hour',
	])
		assert.ok(
			hogql.description.includes(fact),
			`the query tool's description names ${fact}: ${hogql.description}`,
		);
	assert.deepEqual(Object.keys(hogql.parameters.properties), ['query']);
	assert.equal(hogql.parameters.properties.query.description, 'A HogQL SELECT');

	const persons = tools.Find_persons;
	for (const fact of ['persons', 'email', 'uuid', 'distinct_ids', 'properties'])
		assert.ok(
			persons.description.includes(fact),
			`the persons tool's description names ${fact}: ${persons.description}`,
		);
	assert.deepEqual(Object.keys(persons.parameters.properties), ['email']);
});

test('Query → Run as a tool: the model’s query reaches PostHog, the rows reach the model, the agent answers with them', async () => {
	const query =
		'SELECT event, count() AS total FROM events GROUP BY event ORDER BY total DESC LIMIT 3';
	const { answer, ms } = await runAgent(callThenAnswer('Run_HogQL', { query }));
	console.log(`# agent run with a query: ${ms} ms`);

	const sent = ctx.sandbox.requests.filter((r) => r.path === '/api/projects/1/query/');
	assert.equal(sent.length, 1);
	assert.equal(sent[0].body.query.query, query);
	const rows = JSON.parse(toolResult());
	assert.ok(Array.isArray(rows) && rows.length > 0, `rows came back: ${toolResult()}`);
	assert.ok(rows.every((row) => typeof row.event === 'string' && typeof row.total === 'number'));
	assert.equal(answer, `The tool answered: ${toolResult()}`);
});

test('a query that needs a LIMIT: the model gets the message and what to do about it', async () => {
	const { answer } = await runAgent(
		callThenAnswer('Run_HogQL', { query: 'SELECT key FROM groups' }),
	);

	const message = toolResult();
	console.log(`# what the model got for a query without LIMIT: ${message}`);
	assert.match(message, /PostHog returned only the first 100 rows of this query/);
	assert.match(message, /LIMIT/);
	assert.match(message, /50,000/);
	assert.ok(answer.includes('100 rows'));
});

test('Person → Get Many as a tool: the model’s email becomes the filter, the persons reach the model', async () => {
	const { answer } = await runAgent(callThenAnswer('Find_persons', { email: 'maria@acme.com' }));

	const sent = ctx.sandbox.requests.filter((r) => r.path === '/api/projects/1/persons/');
	assert.equal(sent.length, 1);
	assert.equal(sent[0].query.email, 'maria@acme.com');
	const persons = JSON.parse(toolResult());
	assert.ok(persons.length >= 1);
	assert.ok(persons.every((person) => person.properties.email === 'maria@acme.com'));
	assert.ok(answer.includes('maria@acme.com'));
});
