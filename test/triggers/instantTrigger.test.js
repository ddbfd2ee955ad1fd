// The instant trigger (postHogTrigger): its webhook methods through n8n-core's HookContext against
// the emulator's hog_functions/, and its webhook() through WebhookContext, fed by the emulator's
// CDP delivery (emu.deliverEvent) over real HTTP (test/helpers/webhookReceiver.js).
const { usePostHog, PROJECT, SEED, failure } = require('../helpers/posthog');
const { instantTrigger } = require('../helpers/runTrigger');
const { startWebhookReceiver } = require('../helpers/webhookReceiver');
const { TEMPLATES } = require('../emulator/models/hogFunctions');

const posthog = usePostHog();
let receiver;

beforeAll(async () => {
	receiver = await startWebhookReceiver();
});
afterAll(async () => {
	await receiver.close();
});
beforeEach(() => {
	receiver.deliveries.length = 0;
});

const FUNCTIONS = '/api/projects/1/hog_functions/';
const SIGNUP_FAILED = { projectId: PROJECT, eventNames: ['signup_failed'] };

/** The trigger of workflow wf-42, its webhook served by `receiver`. */
function signupFailed({
	parameters = SIGNUP_FAILED,
	webhookBaseUrl = `${receiver.url}/webhook`,
} = {}) {
	const trigger = instantTrigger({
		parameters,
		credentials: posthog.credentials(),
		webhookBaseUrl,
	});
	receiver.handle = (request) => trigger.deliver(request);
	return trigger;
}

const stored = (id) => posthog.emulator.state.hogFunctions.find((fn) => fn.id === id);

/** What the trigger sends to create its destination, with `url` and `secret`. */
const destinationBody = (url, secret) => ({
	type: 'destination',
	template_id: 'template-webhook',
	name: 'n8n: New companies to CRM (workflow wf-42)',
	description:
		'Managed by n8n: made by the node “PostHog Trigger” of the workflow “New companies to CRM” (ID wf-42), and deleted when that workflow is deactivated. n8n-ref:wf-42:5c1e0a9d-7f3b-4c2e-9a61-0d2b8e4f6a17',
	enabled: true,
	inputs: {
		url: { value: url },
		method: { value: 'POST' },
		headers: { value: { 'Content-Type': 'application/json', 'X-N8N-Secret': secret } },
		body: {
			value: { event: '{event}', person: '{person}', groups: '{groups}', project: '{project}' },
		},
	},
	filters: {
		events: [{ id: 'signup_failed', name: 'signup_failed', type: 'events', order: 0 }],
		filter_test_accounts: false,
	},
});

afterEach(() => {
	// DELETE hog_functions/{id}/ answers 405 (part2 §10.4): the trigger never sends it
	expect(posthog.requests().filter((r) => r.method === 'DELETE')).toEqual([]);
});

describe('postHogTrigger webhook methods', () => {
	test('activation creates an enabled webhook destination to the production URL, with a secret, and saves its id', async () => {
		const trigger = signupFailed();
		expect(await trigger.activate()).toEqual({ existed: false });

		const { hogFunctionId, projectId, secret } = trigger.saved();
		expect(secret).toMatch(/^[0-9a-f]{48}$/);
		expect(projectId).toBe('1');
		// checkExists had nothing stored, so asked nothing
		posthog.expectReceived([
			{ method: 'POST', path: FUNCTIONS, body: destinationBody(trigger.url(), secret) },
		]);
		expect(trigger.url()).toBe(
			`${receiver.url}/webhook/5c1e0a9d-7f3b-4c2e-9a61-0d2b8e4f6a17/webhook`,
		);
		const fn = stored(hogFunctionId);
		expect(fn).toMatchObject({
			enabled: true,
			deleted: false,
			type: 'destination',
			template_id: 'template-webhook',
		});
		expect(fn.inputs.url.value).toBe(trigger.url());
	});

	test('activated again (n8n restarted), an intact destination is kept: one GET', async () => {
		const trigger = signupFailed();
		await trigger.activate();
		const { hogFunctionId } = trigger.saved();
		posthog.emulator.requests.length = 0;

		expect(await trigger.activate()).toEqual({ existed: true });
		posthog.expectReceived([{ method: 'GET', path: `${FUNCTIONS}${hogFunctionId}/` }]);
		expect(trigger.saved().hogFunctionId).toBe(hogFunctionId);
	});

	test.each([
		['disabled in PostHog', (fn) => (fn.enabled = false)],
		[
			'pointing elsewhere',
			(fn) => (fn.inputs.url.value = 'https://old-n8n.example/webhook/x/webhook'),
		],
		['carrying another secret', (fn) => (fn.inputs.headers.value['X-N8N-Secret'] = 'edited')],
		['filtering other events', (fn) => (fn.filters.events = [{ id: 'signed_up', type: 'events' }])],
	])('a destination %s does not count: it is retired and a new one made', async (_name, change) => {
		const trigger = signupFailed();
		await trigger.activate();
		const old = trigger.saved();
		change(stored(old.hogFunctionId));
		posthog.emulator.requests.length = 0;

		expect(await trigger.activate()).toEqual({ existed: false });
		const fresh = trigger.saved();
		expect(fresh.hogFunctionId).not.toBe(old.hogFunctionId);
		expect(fresh.secret).not.toBe(old.secret);
		posthog.expectReceived([
			{ method: 'GET', path: `${FUNCTIONS}${old.hogFunctionId}/` },
			{
				method: 'PATCH',
				path: `${FUNCTIONS}${old.hogFunctionId}/`,
				body: { deleted: true, enabled: false },
			},
			{ method: 'POST', path: FUNCTIONS, body: destinationBody(trigger.url(), fresh.secret) },
		]);
		expect(stored(old.hogFunctionId).deleted).toBe(true);
	});

	test('a destination deleted in PostHog (404) is made again; the 404 on retiring it counts as done', async () => {
		const trigger = signupFailed();
		await trigger.activate();
		const old = trigger.saved();
		stored(old.hogFunctionId).deleted = true;
		posthog.emulator.requests.length = 0;

		await trigger.activate();
		expect(posthog.requests().map((r) => `${r.method} ${r.status}`)).toEqual([
			'GET 404',
			'PATCH 404',
			'POST 201',
		]);
		expect(stored(trigger.saved().hogFunctionId)).toMatchObject({ enabled: true, deleted: false });
	});

	test('deactivation soft-deletes the destination with PATCH (DELETE is 405) and forgets it', async () => {
		const trigger = signupFailed();
		await trigger.activate();
		const { hogFunctionId } = trigger.saved();
		posthog.emulator.requests.length = 0;

		await trigger.deactivate();
		posthog.expectReceived([
			{
				method: 'PATCH',
				path: `${FUNCTIONS}${hogFunctionId}/`,
				body: { deleted: true, enabled: false },
			},
		]);
		expect(stored(hogFunctionId)).toMatchObject({ deleted: true, enabled: false });
		expect(trigger.saved()).toEqual({});
		// and PostHog no longer shows it
		const list = await fetch(`${posthog.emulator.url}${FUNCTIONS}${hogFunctionId}/`, {
			headers: { Authorization: `Bearer ${posthog.emulator.apiKey}` },
		});
		expect(list.status).toBe(404);
	});

	test('deactivation when PostHog already deleted it: the 404 counts as done', async () => {
		const trigger = signupFailed();
		await trigger.activate();
		const { hogFunctionId } = trigger.saved();
		stored(hogFunctionId).deleted = true;
		posthog.emulator.requests.length = 0;

		await trigger.deactivate();
		expect(posthog.requests().map((r) => `${r.method} ${r.status}`)).toEqual(['PATCH 404']);
		expect(trigger.saved()).toEqual({});
	});

	test('deactivating a trigger that made nothing sends nothing', async () => {
		const trigger = signupFailed();
		await trigger.deactivate();
		expect(posthog.requests()).toEqual([]);
	});

	test('no event names are refused before any request: PostHog would send and bill every event', async () => {
		const trigger = signupFailed({ parameters: { projectId: PROJECT, eventNames: [' ', ''] } });
		const error = await trigger.activate().catch((e) => e);
		expect(failure(error)).toMatchObject({ message: 'Event Names: add at least one event' });
		expect(posthog.requests()).toEqual([]);
	});

	test('several event names become one filter each, trimmed and once', async () => {
		const trigger = signupFailed({
			parameters: {
				projectId: PROJECT,
				eventNames: ['signup_failed', ' payment_failed ', 'signup_failed'],
			},
		});
		await trigger.activate();
		expect(posthog.lastRequest().body.filters.events.map((e) => e.id)).toEqual([
			'signup_failed',
			'payment_failed',
		]);
	});
});

describe('postHogTrigger create errors, explained', () => {
	test('older PostHog that refuses personal API keys on hog functions (403)', async () => {
		posthog.emulator.state.hogFunctionAccess = 'internal';
		const trigger = signupFailed();
		const error = await trigger.activate().catch((e) => e);
		expect(failure(error)).toEqual({
			message:
				'This PostHog version does not let API keys create destinations, which this trigger needs',
			httpCode: '403',
			description: expect.stringContaining('PostHog Poll Trigger'),
		});
		expect(error.description).toContain('This action does not support Personal API Key access');
		// activation failed: nothing was made, nothing saved
		expect(trigger.saved()).toBeUndefined();
		expect(
			posthog.emulator.state.hogFunctions.filter((fn) => fn.inputs.url.value === trigger.url()),
		).toEqual([]);
	});

	test('PostHog versions that need the Data Pipelines add-on, on a plan without it (400)', async () => {
		posthog.emulator.state.hogFunctionAccess = 'addon';
		posthog.emulator.state.dataPipelinesAddon = false;
		const error = await signupFailed()
			.activate()
			.catch((e) => e);
		expect(failure(error)).toEqual({
			message:
				'Your PostHog plan lacks the Data Pipelines add-on, which this PostHog version needs for webhook destinations',
			httpCode: '400',
			description: expect.stringContaining('Add the Data Pipelines add-on'),
		});
		expect(posthog.lastRequest().status).toBe(400);
	});

	test('with the add-on, the same PostHog version creates it', async () => {
		posthog.emulator.state.hogFunctionAccess = 'addon';
		posthog.emulator.state.dataPipelinesAddon = true;
		const trigger = signupFailed();
		await trigger.activate();
		expect(stored(trigger.saved().hogFunctionId).enabled).toBe(true);
	});

	test('a key without hog_function:write (403)', async () => {
		posthog.emulator.state.keys[posthog.emulator.apiKey].scopes = ['hog_function:read'];
		const error = await signupFailed()
			.activate()
			.catch((e) => e);
		expect(failure(error)).toEqual({
			message: 'The API key may not create destinations: it lacks the scope hog_function:write',
			httpCode: '403',
			description: expect.stringContaining('Personal API keys'),
		});
	});

	test('a server that insists on `hog` (400 on hog) gets the template’s code', async () => {
		let posts = 0;
		posthog.emulator.override = (req, record) => {
			if (req.method === 'POST' && record.path === FUNCTIONS && ++posts === 1) {
				return {
					status: 400,
					body: { type: 'validation_error', code: 'required', detail: 'Required.', attr: 'hog' },
				};
			}
			if (record.path.endsWith('/hog_function_templates/template-webhook/')) {
				return { status: 200, body: TEMPLATES['template-webhook'] };
			}
			return undefined;
		};
		const trigger = signupFailed();
		await trigger.activate();
		const { secret } = trigger.saved();
		posthog.expectReceived([
			{ method: 'POST', path: FUNCTIONS, body: destinationBody(trigger.url(), secret) },
			{ method: 'GET', path: '/api/projects/1/hog_function_templates/template-webhook/' },
			{
				method: 'POST',
				path: FUNCTIONS,
				body: {
					...destinationBody(trigger.url(), secret),
					hog: TEMPLATES['template-webhook'].code,
				},
			},
		]);
	});
});

describe('postHogTrigger deliveries', () => {
	async function activated() {
		const trigger = signupFailed();
		await trigger.activate();
		posthog.emulator.requests.length = 0;
		return trigger;
	}

	test('one item per event PostHog delivers: {event, person, groups, project} as PostHog renders them', async () => {
		await activated();
		const [result] = await posthog.emulator.deliverEvent({
			event: 'signup_failed',
			distinct_id: 'maria@acme.com',
			properties: { reason: 'card_declined', $groups: { company: 'acme' } },
		});
		expect(result.statuses).toEqual([200]);
		expect(receiver.deliveries).toHaveLength(1);
		const [{ items, path, answer }] = receiver.deliveries;
		expect(path).toBe('/webhook/5c1e0a9d-7f3b-4c2e-9a61-0d2b8e4f6a17/webhook');
		expect(answer).toEqual({ status: 200, body: { message: 'Workflow was started' } });
		expect(items).toHaveLength(1);
		const [item] = items;
		expect(Object.keys(item)).toEqual(['event', 'person', 'groups', 'project']);
		expect(item.event).toMatchObject({
			uuid: expect.stringMatching(/^[0-9a-f-]{36}$/),
			event: 'signup_failed',
			distinct_id: 'maria@acme.com',
			properties: { reason: 'card_declined', $groups: { company: 'acme' } },
			timestamp: expect.any(String),
		});
		expect(item.person).toMatchObject({
			id: SEED.personIds.maria,
			name: 'maria@acme.com',
			properties: { email: 'maria@acme.com' },
		});
		expect(item.groups).toEqual({
			company: expect.objectContaining({ id: 'acme', index: 0, type: 'company' }),
		});
		expect(item.project).toMatchObject({ id: 1 });
		// nothing asked of PostHog's API while receiving
		expect(posthog.requests()).toEqual([]);
	});

	test('an event the destination does not filter for is not delivered', async () => {
		await activated();
		expect(
			await posthog.emulator.deliverEvent({ event: 'signed_up', distinct_id: 'tom@acme.com' }),
		).toEqual([]);
		expect(receiver.deliveries).toEqual([]);
	});

	test('an event PostHog delivers twice starts the workflow once, and the repeat still gets a 200', async () => {
		await activated();
		const [first] = await posthog.emulator.deliverEvent({
			event: 'signup_failed',
			distinct_id: 'tom@acme.com',
		});
		const uuid = receiver.deliveries[0].body.event.uuid;
		const [again] = await posthog.emulator.deliverEvent(uuid);
		expect([first.statuses, again.statuses]).toEqual([[200], [200]]);
		expect(receiver.deliveries.map((d) => d.items.length)).toEqual([1, 0]);
		expect(receiver.deliveries[1].answer).toEqual({
			status: 200,
			body: { message: 'Already received' },
		});
	});

	test('a repeat is remembered for 10 minutes, then accepted again', async () => {
		const trigger = await activated();
		const body = {
			event: { uuid: '01975c1e-2a4b-7c3d-9e8f-0a1b2c3d4e5f', event: 'signup_failed' },
		};
		const headers = { 'X-N8N-Secret': trigger.saved().secret };
		expect((await trigger.deliver({ headers, body })).items).toHaveLength(1);
		posthog.time.nowMs += 9 * 60 * 1000;
		expect((await trigger.deliver({ headers, body })).items).toHaveLength(0);
		posthog.time.nowMs += 11 * 60 * 1000;
		expect((await trigger.deliver({ headers, body })).items).toHaveLength(1);
	});

	test.each([
		['a wrong secret', { 'X-N8N-Secret': 'f'.repeat(48) }],
		['no secret', {}],
		['the secret in another header', { Authorization: 'Bearer x' }],
	])('%s gets 401 and starts nothing', async (_name, headers) => {
		const trigger = await activated();
		const { result, answer, items } = await trigger.deliver({
			headers,
			body: { event: { uuid: '0197a6c2-0000-7000-8000-000000000001', event: 'signup_failed' } },
		});
		expect(answer).toEqual({ status: 401, body: { message: 'Missing or wrong X-N8N-Secret' } });
		expect(result.workflowData).toBeUndefined();
		expect(items).toEqual([]);
	});

	test('deliveries of a retired destination carry the old secret: 401, and PostHog does not retry a 401', async () => {
		const trigger = await activated();
		const old = trigger.saved().hogFunctionId;
		// the workflow was re-activated with a new destination, but the old one still delivers
		stored(old).enabled = false;
		await trigger.activate();
		stored(old).enabled = true;
		stored(old).deleted = false;

		const results = await posthog.emulator.deliverEvent({
			event: 'signup_failed',
			distinct_id: 'li@globex.com',
		});
		const byId = Object.fromEntries(results.map((r) => [r.id, r.statuses]));
		expect(byId).toEqual({ [old]: [401], [trigger.saved().hogFunctionId]: [200] });
		expect(receiver.deliveries.map((d) => d.items.length).sort()).toEqual([0, 1]);
	});
});
