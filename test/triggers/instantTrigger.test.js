// The instant trigger (postHogTrigger) on events: its webhook methods through n8n-core's
// HookContext against the emulator's hog_functions/, and its webhook() through WebhookContext, fed
// by the emulator's CDP delivery (emu.deliverEvent) over real HTTP (test/helpers/webhookReceiver.js).
// Newest PostHog signs deliveries; an older one gets the header secret (signedDeliveries.test.js
// checks the signatures themselves).
const { SEED, failure } = require('../helpers/posthog');
const {
	useInstantTrigger,
	madeBefore,
	signedDestination,
	headerSecretPatch,
	softDelete,
	FUNCTIONS,
	WEBHOOK_ID,
	SIGNING_SECRET,
} = require('../helpers/instantTriggers');
const { TEMPLATES } = require('../emulator/models/hogFunctions');

const t = useInstantTrigger();
const { posthog } = t;

const SIGNUP_FAILED = {
	events: [{ id: 'signup_failed', name: 'signup_failed', type: 'events', order: 0 }],
};
const signupFailed = (parameters) => t.trigger(parameters);

describe('postHogTrigger webhook methods', () => {
	test('activation looks for destinations it made before, creates a signed destination to the production URL, and saves its id and secret', async () => {
		const trigger = signupFailed();
		expect(await trigger.activate()).toEqual({ existed: false });

		const { hogFunctionId, projectId, secret, signed } = trigger.saved();
		expect(secret).toMatch(SIGNING_SECRET);
		expect([projectId, signed]).toEqual(['1', true]);
		// checkExists had nothing stored, so asked nothing
		posthog.expectReceived([
			madeBefore(),
			{
				method: 'POST',
				path: FUNCTIONS,
				body: signedDestination(trigger.url(), secret, { filters: SIGNUP_FAILED }),
			},
		]);
		expect(trigger.url()).toBe(`${t.receiver.url}/webhook/${WEBHOOK_ID}/webhook`);
		const fn = t.stored(hogFunctionId);
		expect(fn).toMatchObject({
			enabled: true,
			deleted: false,
			type: 'destination',
			template_id: 'template-webhook',
		});
		expect(fn.inputs.url.value).toBe(trigger.url());
		// the secret is stored encrypted: anyone reading the destination back sees only a marker
		const read = await fetch(`${posthog.emulator.url}${FUNCTIONS}${hogFunctionId}/`, {
			headers: { Authorization: `Bearer ${posthog.emulator.apiKey}` },
		}).then((res) => res.json());
		expect(read.inputs.signing_secret).toEqual({ secret: true });
		expect(JSON.stringify(read)).not.toContain(secret.slice(6));
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
		['without its signing secret', (fn) => delete fn.inputs.signing_secret],
		['filtering other events', (fn) => (fn.filters.events = [{ id: 'signed_up', type: 'events' }])],
	])('a destination %s does not count: it is retired and a new one made', async (_name, change) => {
		const trigger = signupFailed();
		await trigger.activate();
		const old = trigger.saved();
		change(t.stored(old.hogFunctionId));
		posthog.emulator.requests.length = 0;

		expect(await trigger.activate()).toEqual({ existed: false });
		const fresh = trigger.saved();
		expect(fresh.hogFunctionId).not.toBe(old.hogFunctionId);
		expect(fresh.secret).not.toBe(old.secret);
		posthog.expectReceived([
			{ method: 'GET', path: `${FUNCTIONS}${old.hogFunctionId}/` },
			softDelete(old.hogFunctionId),
			madeBefore(),
			{
				method: 'POST',
				path: FUNCTIONS,
				body: signedDestination(trigger.url(), fresh.secret, { filters: SIGNUP_FAILED }),
			},
		]);
		expect(t.stored(old.hogFunctionId).deleted).toBe(true);
	});

	test('a destination deleted in PostHog (404) is made again; the 404 on retiring it counts as done', async () => {
		const trigger = signupFailed();
		await trigger.activate();
		const old = trigger.saved();
		t.stored(old.hogFunctionId).deleted = true;
		posthog.emulator.requests.length = 0;

		await trigger.activate();
		expect(posthog.requests().map((r) => `${r.method} ${r.status}`)).toEqual([
			'GET 404',
			'PATCH 404',
			'GET 200',
			'POST 201',
		]);
		expect(t.stored(trigger.saved().hogFunctionId)).toMatchObject({
			enabled: true,
			deleted: false,
		});
	});

	test('deactivation soft-deletes the destination with PATCH (DELETE is 405) and forgets it', async () => {
		const trigger = signupFailed();
		await trigger.activate();
		const { hogFunctionId } = trigger.saved();
		posthog.emulator.requests.length = 0;

		await trigger.deactivate();
		posthog.expectReceived([softDelete(hogFunctionId)]);
		expect(t.stored(hogFunctionId)).toMatchObject({ deleted: true, enabled: false });
		expect(trigger.saved()).toEqual({});
		const read = await fetch(`${posthog.emulator.url}${FUNCTIONS}${hogFunctionId}/`, {
			headers: { Authorization: `Bearer ${posthog.emulator.apiKey}` },
		});
		expect(read.status).toBe(404);
	});

	test('deactivation when PostHog already deleted it: the 404 counts as done', async () => {
		const trigger = signupFailed();
		await trigger.activate();
		const { hogFunctionId } = trigger.saved();
		t.stored(hogFunctionId).deleted = true;
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
		const trigger = signupFailed({ eventNames: [' ', ''] });
		const error = await trigger.activate().catch((e) => e);
		expect(failure(error)).toMatchObject({ message: 'Event Names: add at least one event' });
		expect(posthog.requests()).toEqual([]);
	});

	test('events picked from the list and typed ones become one filter each, trimmed and once', async () => {
		const trigger = signupFailed({
			eventNamesFromList: ['$pageview', 'signup_failed'],
			eventNames: ['signup_failed', ' payment_failed ', 'signup_failed'],
		});
		await trigger.activate();
		expect(posthog.lastRequest().body.filters.events.map((e) => e.id)).toEqual([
			'$pageview',
			'signup_failed',
			'payment_failed',
		]);
	});
});

describe('postHogTrigger on a PostHog without signed deliveries', () => {
	beforeEach(() => {
		// an older webhook template: no signing_secret input, so PostHog drops it silently
		posthog.emulator.state.webhookSigning = false;
	});

	test('the dropped signing secret is seen in the answer: the destination gets the header secret', async () => {
		const trigger = signupFailed();
		await trigger.activate();
		const { hogFunctionId, secret, signed } = trigger.saved();
		expect(secret).toMatch(/^[0-9a-f]{48}$/);
		expect(signed).toBeUndefined();
		expect(posthog.requests().map((r) => `${r.method} ${r.status}`)).toEqual([
			'GET 200',
			'POST 201',
			'PATCH 200',
		]);
		posthog.expectReceived([
			madeBefore(),
			{ method: 'POST', path: FUNCTIONS },
			headerSecretPatch(hogFunctionId, trigger.url(), secret),
		]);
		expect(t.stored(hogFunctionId).inputs.signing_secret).toBeUndefined();
		expect(t.stored(hogFunctionId).inputs.headers.value['X-N8N-Secret']).toBe(secret);

		// restarted: the header secret is what counts
		posthog.emulator.requests.length = 0;
		expect(await trigger.activate()).toEqual({ existed: true });
		t.stored(hogFunctionId).inputs.headers.value['X-N8N-Secret'] = 'edited';
		expect(await trigger.activate()).toEqual({ existed: false });
	});

	test('when the header secret cannot be set, the unsecured destination is removed again', async () => {
		posthog.emulator.override = (req, record) =>
			req.method === 'PATCH' && record.body && record.body.inputs
				? { status: 500, body: { detail: 'A server error occurred.' } }
				: undefined;
		const trigger = signupFailed();
		const error = await trigger.activate().catch((e) => e);
		expect(error).toBeInstanceOf(Error);
		const [made] = posthog.emulator.state.hogFunctions.filter(
			(fn) => fn.inputs.url.value === trigger.url(),
		);
		expect(made).toMatchObject({ deleted: true, enabled: false });
		expect(trigger.saved()).toBeUndefined();
	});

	describe('deliveries with the header secret', () => {
		async function activated() {
			const trigger = signupFailed();
			await trigger.activate();
			posthog.emulator.requests.length = 0;
			return trigger;
		}

		test('an event PostHog delivers runs the workflow', async () => {
			await activated();
			const [result] = await posthog.emulator.deliverEvent({
				event: 'signup_failed',
				distinct_id: 'maria@acme.com',
			});
			expect(result.statuses).toEqual([200]);
			expect(t.receiver.deliveries[0].items).toHaveLength(1);
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
			t.stored(old).enabled = false;
			await trigger.activate();
			t.stored(old).enabled = true;
			t.stored(old).deleted = false;

			const results = await posthog.emulator.deliverEvent({
				event: 'signup_failed',
				distinct_id: 'li@globex.com',
			});
			const byId = Object.fromEntries(results.map((r) => [r.id, r.statuses]));
			expect(byId).toEqual({ [old]: [401], [trigger.saved().hogFunctionId]: [200] });
			expect(t.receiver.deliveries.map((d) => d.items.length).sort()).toEqual([0, 1]);
		});
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
		expect(t.stored(trigger.saved().hogFunctionId).enabled).toBe(true);
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

	test('a key without hog_function:read cannot look for the destinations it made before (403)', async () => {
		posthog.emulator.state.keys[posthog.emulator.apiKey].scopes = ['insight:read'];
		const error = await signupFailed()
			.activate()
			.catch((e) => e);
		expect(failure(error)).toEqual({
			message: 'The API key may not read destinations: it lacks the scope hog_function:read',
			httpCode: '403',
			description: expect.stringContaining('hog_function:read'),
		});
		expect(posthog.requests().map((r) => `${r.method} ${r.status}`)).toEqual(['GET 403']);
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
		const body = signedDestination(trigger.url(), secret, { filters: SIGNUP_FAILED });
		posthog.expectReceived([
			madeBefore(),
			{ method: 'POST', path: FUNCTIONS, body },
			{ method: 'GET', path: '/api/projects/1/hog_function_templates/template-webhook/' },
			{
				method: 'POST',
				path: FUNCTIONS,
				body: { ...body, hog: TEMPLATES['template-webhook'].code },
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
		expect(t.receiver.deliveries).toHaveLength(1);
		const [{ items, path, answer, headers }] = t.receiver.deliveries;
		expect(path).toBe(`/webhook/${WEBHOOK_ID}/webhook`);
		expect(headers['webhook-signature']).toMatch(/^v1,/);
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
		expect(t.receiver.deliveries).toEqual([]);
	});

	test('an event PostHog delivers twice starts the workflow once, and the repeat still gets a 200', async () => {
		await activated();
		const [first] = await posthog.emulator.deliverEvent({
			event: 'signup_failed',
			distinct_id: 'tom@acme.com',
		});
		const uuid = t.receiver.deliveries[0].body.event.uuid;
		const [again] = await posthog.emulator.deliverEvent(uuid);
		expect([first.statuses, again.statuses]).toEqual([[200], [200]]);
		expect(t.receiver.deliveries.map((d) => d.items.length)).toEqual([1, 0]);
		expect(t.receiver.deliveries[1].answer).toEqual({
			status: 200,
			body: { message: 'Already received' },
		});
	});
});
