// Drives the built trigger nodes through n8n-core's own contexts, the way n8n's server does:
// PollContext for poll(), HookContext for the webhook methods (checkExists, then create when it
// answers false, on activation; delete on deactivation), WebhookContext for one delivery.
// Workflow static data is kept as the server keeps it (docs/n8n-notes.md §5): `saved` is the
// database copy, written at activation, after a poll that returned items, and after the webhook
// methods; the running workflow works on its in-memory copy, which a restart throws away.
const { HookContext, PollContext, WebhookContext } = require('n8n-core');
const { setUp } = require('./runNode');

const builtPackage = () => require('./builtPackage');

/** A copy of static data as the database keeps it: JSON, without n8n's change marker. */
const snapshot = (staticData) =>
	JSON.parse(
		JSON.stringify(staticData ?? {}, (key, value) => (key === '__dataChanged' ? undefined : value)),
	);

function triggerWorkflow({ nodeType, name, parameters, credentials, saved, ...options }) {
	return setUp({
		nodeType,
		credentialType: new (builtPackage().PostHogManagementApi)(),
		name,
		parameters,
		credentials,
		workflow: {
			id: 'wf-42',
			name: 'New companies to CRM',
			staticData: snapshot(saved),
			...options.workflow,
		},
		webhookId: options.webhookId,
		webhookBaseUrl: options.webhookBaseUrl,
	});
}

/**
 * The polling trigger, activated in a simulated n8n. `persistEmptyPolls` saves static data after
 * every poll (n8n's durable poll cursors), instead of only after polls that return items.
 */
function pollTrigger({ parameters, credentials, persistEmptyPolls = false }) {
	const nodeType = new (builtPackage().PostHogPollTrigger)();
	const name = 'PostHog Poll Trigger';
	let saved = {};
	let running;
	const load = () =>
		(running = triggerWorkflow({ nodeType, name, parameters, credentials, saved }));
	const save = () => (saved = snapshot(running.workflow.staticData));
	const poll = async (mode, activation) => {
		const { workflow, node, additionalData } = running;
		return await nodeType.poll.call(
			new PollContext(workflow, node, additionalData, mode, activation),
		);
	};
	const jsonOf = (result) => (result ? result[0].map((item) => item.json) : null);
	return {
		nodeType,
		/** Activation (also a restart): n8n polls once at once and saves static data. */
		async activate(activation = 'activate') {
			load();
			const result = await poll('trigger', activation);
			save();
			return jsonOf(result);
		},
		/** A scheduled poll: the items it emitted, or null. */
		async poll() {
			const result = await poll('trigger', 'trigger');
			if (result || persistEmptyPolls) save();
			return jsonOf(result);
		},
		/** n8n restarts: the in-memory static data is lost, the saved copy is activated again. */
		async restart() {
			return await this.activate('init');
		},
		/** "Fetch Test Event" in the editor: a manual run of a fresh copy of the workflow. */
		async manual() {
			const { workflow, node, additionalData } = triggerWorkflow({
				nodeType,
				name,
				parameters,
				credentials,
				saved: {},
			});
			const context = new PollContext(workflow, node, additionalData, 'manual', 'manual');
			return jsonOf(await nodeType.poll.call(context));
		},
		/** The node's static data: the saved copy, and the running one. */
		saved: () => saved[`node:${name}`],
		running: () => snapshot(running?.workflow.staticData)[`node:${name}`],
		/** Replaces the saved static data (a test's own starting point). */
		setSaved(state) {
			saved = { [`node:${name}`]: snapshot(state) };
		},
	};
}

/** Just enough of express's Response for a webhook that answers itself. */
function fakeResponse() {
	const response = {
		statusCode: 200,
		body: undefined,
		headersSent: false,
		status(code) {
			response.statusCode = code;
			return response;
		},
		json(body) {
			response.body = body;
			response.headersSent = true;
			return response;
		},
		send(body) {
			return response.json(body);
		},
		end() {
			response.headersSent = true;
			return response;
		},
		setHeader() {},
	};
	return response;
}

/** What n8n answers the caller for a webhook result (n8n's webhook-helpers, responseMode onReceived). */
function answerFor(result, response) {
	if (result.noWebhookResponse) return { status: response.statusCode, body: response.body };
	if (result.workflowData) return { status: 200, body: { message: 'Workflow was started' } };
	return { status: 200, body: result.webhookResponse ?? { message: 'Webhook call received' } };
}

/**
 * The instant trigger in a simulated n8n whose production webhook URLs start with
 * `webhookBaseUrl` (n8n's WEBHOOK_URL + "webhook").
 */
function instantTrigger({
	parameters,
	credentials,
	webhookBaseUrl,
	webhookId = '5c1e0a9d-7f3b-4c2e-9a61-0d2b8e4f6a17',
}) {
	const nodeType = new (builtPackage().PostHogTrigger)();
	const name = 'PostHog Trigger';
	let saved = {};
	const workflowFor = () =>
		triggerWorkflow({ nodeType, name, parameters, credentials, saved, webhookId, webhookBaseUrl });
	const hook = async (running, method, mode = 'trigger') => {
		const { workflow, node, additionalData } = running;
		const context = new HookContext(workflow, node, additionalData, mode, 'activate');
		return await nodeType.webhookMethods.default[method].call(context);
	};
	return {
		nodeType,
		/** The production URL n8n serves the webhook on. */
		url: () => `${webhookBaseUrl}/${webhookId}/webhook`,
		/** Activation: checkExists, then create if it answered false; static data is saved after. */
		async activate() {
			const running = workflowFor();
			const existed = await hook(running, 'checkExists');
			if (!existed) await hook(running, 'create');
			saved = snapshot(running.workflow.staticData);
			return { existed };
		},
		/** Deactivation: delete, on the workflow as saved (n8n's clearWebhooks), then saved again. */
		async deactivate() {
			const running = workflowFor();
			await hook(running, 'delete');
			saved = snapshot(running.workflow.staticData);
		},
		/** One call of one webhook method on the saved workflow, without saving. */
		async call(method) {
			return await hook(workflowFor(), method);
		},
		/**
		 * The editor's Execute step on the trigger: n8n creates the test webhook's destination (mode
		 * `manual`) on a copy of the workflow, and deletes it when listening stops.
		 */
		async listenForTestEvent() {
			const running = workflowFor();
			await hook(running, 'create', 'manual');
			return {
				stop: async () => await hook(running, 'delete', 'manual'),
				saved: () => snapshot(running.workflow.staticData)[`node:${name}`],
			};
		},
		/**
		 * One HTTP delivery: `{ result, answer: { status, body }, items }`. `rawBody` is the body as
		 * sent (n8n keeps it on the request); by default the JSON of `body`.
		 */
		async deliver({ headers = {}, body, rawBody = JSON.stringify(body ?? {}) }) {
			const running = workflowFor();
			const response = fakeResponse();
			running.additionalData.httpRequest = {
				headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
				body,
				rawBody: Buffer.from(rawBody),
				params: {},
				query: {},
			};
			running.additionalData.httpResponse = response;
			const webhookData = { webhookDescription: nodeType.description.webhooks[0], isTest: false };
			const context = new WebhookContext(
				running.workflow,
				running.node,
				running.additionalData,
				'webhook',
				webhookData,
				[],
				null,
			);
			const result = await nodeType.webhook.call(context);
			const items = result.workflowData ? result.workflowData[0].map((item) => item.json) : [];
			return { result, answer: answerFor(result, response), items };
		},
		saved: () => saved[`node:${name}`],
		/** Replaces the saved static data (a test's own starting point). */
		setSaved(state) {
			saved = { [`node:${name}`]: snapshot(state) };
		},
	};
}

module.exports = { pollTrigger, instantTrigger, snapshot };
