// What the instant trigger's test files share: the emulator (its clock the node's fake clock, so
// signatures' timestamps agree), a webhook receiver that hands PostHog's deliveries to the
// trigger over real HTTP, the trigger of workflow wf-42, and the requests it sends.
const { usePostHog, PROJECT } = require('./posthog');
const { instantTrigger } = require('./runTrigger');
const { startWebhookReceiver } = require('./webhookReceiver');

const FUNCTIONS = '/api/projects/1/hog_functions/';
const WEBHOOK_ID = '5c1e0a9d-7f3b-4c2e-9a61-0d2b8e4f6a17';
const MARKER = `n8n-ref:wf-42:${WEBHOOK_ID}`;
const NAME = 'n8n: New companies to CRM (workflow wf-42)';
const DESCRIPTION = `Managed by n8n: made by the node “PostHog Trigger” of the workflow “New companies to CRM” (ID wf-42), and deleted when that workflow is deactivated. ${MARKER}`;
const BODY_TEMPLATE = {
	value: { event: '{event}', person: '{person}', groups: '{groups}', project: '{project}' },
};

function useInstantTrigger() {
	const posthog = usePostHog();
	const context = { posthog, receiver: undefined };
	beforeAll(async () => {
		context.receiver = await startWebhookReceiver();
	});
	afterAll(async () => {
		await context.receiver.close();
	});
	beforeEach(() => {
		context.receiver.deliveries.length = 0;
		posthog.emulator.now = () => new Date(posthog.time.nowMs);
	});
	afterEach(() => {
		// DELETE hog_functions/{id}/ answers 405 (part2 §10.4): the trigger never sends it
		expect(posthog.requests().filter((r) => r.method === 'DELETE')).toEqual([]);
	});
	/** The trigger of workflow wf-42 with these parameters (the project is added), served by the receiver. */
	context.trigger = (parameters = { eventNames: ['signup_failed'] }, options = {}) => {
		const trigger = instantTrigger({
			parameters: { projectId: PROJECT, ...parameters },
			credentials: posthog.credentials(),
			webhookBaseUrl: `${context.receiver.url}/webhook`,
			...options,
		});
		context.receiver.handle = (request) => trigger.deliver(request);
		return trigger;
	};
	context.stored = (id) => posthog.emulator.state.hogFunctions.find((fn) => fn.id === id);
	return context;
}

/** The look-up of destinations this trigger made before (by the workflow's marker). */
const madeBefore = () => ({
	method: 'GET',
	path: FUNCTIONS,
	query: { limit: '100', offset: '0', search: 'n8n-ref:wf-42:' },
});

/** The create request: a signed webhook destination of `type` with `filters`. */
const signedDestination = (url, signingSecret, { type = 'destination', filters } = {}) => ({
	type,
	template_id: 'template-webhook',
	name: NAME,
	description: DESCRIPTION,
	enabled: true,
	inputs: {
		url: { value: url },
		method: { value: 'POST' },
		headers: { value: { 'Content-Type': 'application/json' } },
		body: BODY_TEMPLATE,
		signing_secret: { value: signingSecret },
	},
	filters: { ...filters, filter_test_accounts: false },
});

/** The PATCH that gives a destination the header secret, on a server that does not sign. */
const headerSecretPatch = (id, url, secret) => ({
	method: 'PATCH',
	path: `${FUNCTIONS}${id}/`,
	body: {
		inputs: {
			url: { value: url },
			method: { value: 'POST' },
			headers: { value: { 'Content-Type': 'application/json', 'X-N8N-Secret': secret } },
			body: BODY_TEMPLATE,
		},
	},
});

const softDelete = (id) => ({
	method: 'PATCH',
	path: `${FUNCTIONS}${id}/`,
	body: { deleted: true, enabled: false },
});

const SIGNING_SECRET = /^whsec_[A-Za-z0-9+/]{43}=$/;

module.exports = {
	useInstantTrigger,
	madeBefore,
	signedDestination,
	headerSecretPatch,
	softDelete,
	FUNCTIONS,
	MARKER,
	WEBHOOK_ID,
	SIGNING_SECRET,
	BODY_TEMPLATE,
};
