// Signed deliveries (Standard Webhooks, docs/instant-trigger.md §3): what the trigger accepts
// and refuses, with PostHog's own signatures from the emulator and hand-made ones; the
// deduplication of repeats; and a workflow saved by 0.2 (no Listen For, a header secret) that
// keeps running unchanged. Also the Seen Event Names list.
const path = require('node:path');
const { SEED } = require('../helpers/posthog');
const { useInstantTrigger, FUNCTIONS, WEBHOOK_ID } = require('../helpers/instantTriggers');

const { signatureOf, SIGNATURE_TOLERANCE_SECONDS } = require(
	path.join(__dirname, '..', '..', 'dist', 'nodes', 'PostHog', 'trigger', 'signing.js'),
);

const t = useInstantTrigger();
const { posthog } = t;

test('signatures are Standard Webhooks’: the reference example', () => {
	expect(
		signatureOf(
			'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
			'msg_p5jXN8AQM9LWM0D4loKWxJek',
			'1614265330',
			'{"test": 2432232314}',
		),
	).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
});

describe('a signed trigger', () => {
	const BODY = {
		event: { uuid: '0197a6c2-0000-7000-8000-0000000000aa', event: 'signup_failed' },
		person: null,
		groups: {},
		project: { id: 1 },
	};
	const RAW = JSON.stringify(BODY);

	async function activated() {
		const trigger = t.trigger();
		await trigger.activate();
		posthog.emulator.requests.length = 0;
		return trigger;
	}

	/** Headers PostHog would send for `raw`, signed with `secret`, `ageSeconds` ago. */
	const signed = (secret, { raw = RAW, id = 'msg_1', ageSeconds = 0 } = {}) => {
		const timestamp = String(Math.floor(posthog.time.nowMs / 1000) - ageSeconds);
		return {
			'webhook-id': id,
			'webhook-timestamp': timestamp,
			'webhook-signature': signatureOf(secret, id, timestamp, raw),
		};
	};

	test('PostHog’s signed delivery runs the workflow; its headers are the Standard Webhooks three', async () => {
		await activated();
		const [result] = await posthog.emulator.deliverEvent({
			event: 'signup_failed',
			distinct_id: 'maria@acme.com',
		});
		expect(result.statuses).toEqual([200]);
		const [{ headers, items }] = t.receiver.deliveries;
		expect(headers).toMatchObject({
			'webhook-id': expect.stringMatching(/^msg_/),
			'webhook-timestamp': String(Math.floor(posthog.time.nowMs / 1000)),
			'webhook-signature': expect.stringMatching(/^v1,[A-Za-z0-9+/]+=*$/),
		});
		expect(headers['x-n8n-secret']).toBeUndefined();
		expect(items).toHaveLength(1);
	});

	test('a delivery signed with the secret, within the window, starts the workflow', async () => {
		const trigger = await activated();
		const { secret } = trigger.saved();
		const headers = signed(secret, { ageSeconds: SIGNATURE_TOLERANCE_SECONDS - 10 });
		const { items, answer } = await trigger.deliver({ headers, body: BODY, rawBody: RAW });
		expect(answer.status).toBe(200);
		expect(items).toHaveLength(1);
	});

	test.each([
		['unsigned', () => ({})],
		['signed with another secret', () => signed('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')],
		['with a changed body', (secret) => signed(secret, { raw: RAW.replace('signup', 'signin') })],
		[
			'replayed after the window (6 minutes old)',
			(secret) => signed(secret, { ageSeconds: SIGNATURE_TOLERANCE_SECONDS + 60 }),
		],
		[
			'dated in the future beyond the window',
			(secret) => signed(secret, { ageSeconds: -(SIGNATURE_TOLERANCE_SECONDS + 60) }),
		],
		['carrying the secret as a header', (secret) => ({ 'X-N8N-Secret': secret })],
	])('a delivery %s gets 401 and starts nothing', async (_name, headersFor) => {
		const trigger = await activated();
		const { result, answer, items } = await trigger.deliver({
			headers: headersFor(trigger.saved().secret),
			body: BODY,
			rawBody: RAW,
		});
		expect(answer.status).toBe(401);
		expect(answer.body.message).toEqual(expect.any(String));
		expect(result.workflowData).toBeUndefined();
		expect(items).toEqual([]);
	});

	test('a delivery replayed within the window (same webhook-id) gets 200 and starts nothing', async () => {
		const trigger = await activated();
		const headers = signed(trigger.saved().secret, { id: 'msg_replayed' });
		const first = await trigger.deliver({ headers, body: BODY, rawBody: RAW });
		// the same request again, even for another event uuid in a body signed anew
		const other = JSON.stringify({ ...BODY, event: { ...BODY.event, uuid: 'other' } });
		const again = await trigger.deliver({
			headers: signed(trigger.saved().secret, { id: 'msg_replayed', raw: other }),
			body: JSON.parse(other),
			rawBody: other,
		});
		expect([first.items.length, again.items.length]).toEqual([1, 0]);
		expect(again.answer).toEqual({ status: 200, body: { message: 'Already received' } });
	});

	test('an event uuid is remembered for 10 minutes, then accepted again', async () => {
		const trigger = await activated();
		const { secret } = trigger.saved();
		const deliver = async (id) =>
			(await trigger.deliver({ headers: signed(secret, { id }), body: BODY, rawBody: RAW })).items;
		expect(await deliver('msg_a')).toHaveLength(1);
		posthog.time.nowMs += 9 * 60 * 1000;
		expect(await deliver('msg_b')).toHaveLength(0);
		posthog.time.nowMs += 11 * 60 * 1000;
		expect(await deliver('msg_c')).toHaveLength(1);
	});

	test('a bad signing secret in PostHog sends nothing at all (PostHog refuses to send unsigned)', async () => {
		const trigger = await activated();
		t.stored(trigger.saved().hogFunctionId).inputs.signing_secret.value = 'not base64!';
		const [result] = await posthog.emulator.deliverEvent({
			event: 'signup_failed',
			distinct_id: 'x',
		});
		expect(result).toMatchObject({
			statuses: [],
			error: expect.stringContaining('Refusing to send'),
		});
		expect(t.receiver.deliveries).toEqual([]);
	});
});

describe('a workflow saved by 0.2', () => {
	// As 0.2 stored it: no Listen For, the event names, and static data with a header secret.
	const SAVED = require('./fixtures/workflow-saved-by-0.2.json');
	const [node] = SAVED.nodes;
	const SAVED_PARAMETERS = node.parameters;
	const SAVED_STATE = SAVED.staticData[`node:${node.name}`];
	const SECRET = SAVED_STATE.secret;
	test('the saved parameters are 0.2’s: no Listen For, no picked events', () => {
		expect(Object.keys(SAVED_PARAMETERS).sort()).toEqual(['eventNames', 'projectId']);
	});

	/** The destination 0.2 created, as it sent it. */
	async function destinationOf02(url) {
		const res = await fetch(`${posthog.emulator.url}${FUNCTIONS}`, {
			method: 'POST',
			headers: {
				Authorization: `Bearer ${posthog.emulator.apiKey}`,
				'Content-Type': 'application/json',
			},
			body: JSON.stringify({
				type: 'destination',
				template_id: 'template-webhook',
				name: 'n8n: New companies to CRM (workflow wf-42)',
				description: `Managed by n8n … n8n-ref:wf-42:${WEBHOOK_ID}`,
				enabled: true,
				inputs: {
					url: { value: url },
					method: { value: 'POST' },
					headers: { value: { 'Content-Type': 'application/json', 'X-N8N-Secret': SECRET } },
					body: {
						value: {
							event: '{event}',
							person: '{person}',
							groups: '{groups}',
							project: '{project}',
						},
					},
				},
				filters: {
					events: [{ id: 'signup_failed', name: 'signup_failed', type: 'events', order: 0 }],
					filter_test_accounts: false,
				},
			}),
		});
		return (await res.json()).id;
	}

	test('is kept on restart (one GET), and its header-secret deliveries run with the 0.2 item', async () => {
		const trigger = t.trigger(SAVED_PARAMETERS);
		const id = await destinationOf02(trigger.url());
		trigger.setSaved({ ...SAVED_STATE, hogFunctionId: id });
		posthog.emulator.requests.length = 0;

		expect(await trigger.activate()).toEqual({ existed: true });
		posthog.expectReceived([{ method: 'GET', path: `${FUNCTIONS}${id}/` }]);
		expect(trigger.saved()).toEqual({ ...SAVED_STATE, hogFunctionId: id });

		const [result] = await posthog.emulator.deliverEvent({
			event: 'signup_failed',
			distinct_id: 'maria@acme.com',
		});
		expect(result.statuses).toEqual([200]);
		const [{ items }] = t.receiver.deliveries;
		expect(items).toHaveLength(1);
		expect(Object.keys(items[0])).toEqual(['event', 'person', 'groups', 'project']);
		expect(items[0].person).toMatchObject({ id: SEED.personIds.maria });
	});

	test('published again without its static data, its old destination is found by the marker and removed', async () => {
		const trigger = t.trigger(SAVED_PARAMETERS);
		const old = await destinationOf02(trigger.url());
		posthog.emulator.requests.length = 0;

		await trigger.activate();
		expect(posthog.requests().map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
			`GET ${FUNCTIONS} 200`,
			`PATCH ${FUNCTIONS}${old}/ 200`,
			`POST ${FUNCTIONS} 201`,
		]);
		expect(t.stored(old)).toMatchObject({ deleted: true, enabled: false });
		expect(trigger.saved()).toMatchObject({ signed: true });
	});
});

describe('destinations made before, and test listeners', () => {
	test('a test listener on a published workflow leaves the published destination alone', async () => {
		const trigger = t.trigger();
		await trigger.activate();
		const published = trigger.saved().hogFunctionId;
		posthog.emulator.requests.length = 0;

		const listener = await trigger.listenForTestEvent();
		// the test listener looks for no destinations made before: it creates its own
		expect(posthog.requests().map((r) => `${r.method} ${r.status}`)).toEqual(['POST 201']);
		await listener.stop();
		expect(t.stored(published)).toMatchObject({ enabled: true, deleted: false });
		expect(await trigger.activate()).toEqual({ existed: true });
	});

	test('never a destination the package did not make, nor another trigger’s', async () => {
		const trigger = t.trigger();
		const other = t.trigger(
			{ eventNames: ['signup_failed'] },
			{ webhookId: '0f0e0d0c-0b0a-4909-8807-060504030201' },
		);
		await other.activate();
		const seeded = posthog.emulator.state.hogFunctions
			.filter((fn) => !fn.deleted)
			.map((fn) => fn.id);
		await trigger.activate();
		for (const id of seeded) expect(t.stored(id).deleted).toBe(false);
	});
});

describe('Seen Event Names: the events PostHog has seen, to pick from', () => {
	const { PostHogTrigger } = require('../helpers/builtPackage');
	const call = () =>
		posthog.callMethod('loadOptions', 'getEventNames', {}, [], { nodeType: new PostHogTrigger() });

	test('as PostHog’s event picker asks for them, most recently seen first, valued by name', async () => {
		const options = await call();
		const names = posthog.emulator.state.eventDefinitions
			.filter((d) => d.project_id === 1)
			.map((d) => d.name);
		expect(options.map((o) => o.value).sort()).toEqual([...names].sort());
		expect(options[0]).toEqual({
			name: options[0].value,
			value: options[0].value,
			description: expect.stringMatching(/^Last seen \d{4}-\d{2}-\d{2}$/),
		});
		posthog.expectReceived([
			{
				method: 'GET',
				path: '/api/projects/1/event_definitions/',
				query: { event_type: 'event', exclude_hidden: 'true', limit: '100', offset: '0' },
			},
		]);
	});

	test('page after page, up to 1,000 events', async () => {
		const many = Array.from({ length: 1050 }, (_, i) => ({
			project_id: 1,
			id: `0194d000-0000-7000-8000-${String(i).padStart(12, '0')}`,
			name: `event_${String(i).padStart(4, '0')}`,
			last_seen_at: '2025-02-01T00:00:00Z',
		}));
		posthog.emulator.state.eventDefinitions.push(...many);
		const options = await call();
		expect(options).toHaveLength(1000);
		expect(posthog.requests().map((r) => r.query.offset)).toEqual(
			Array.from({ length: 10 }, (_, i) => String(i * 100)),
		);
	});

	test('no project chosen yet: an empty list, no request', async () => {
		const { PostHogTrigger: Trigger } = require('../helpers/builtPackage');
		const options = await posthog.callMethod(
			'loadOptions',
			'getEventNames',
			{ projectId: { __rl: true, mode: 'list', value: '' } },
			[],
			{ nodeType: new Trigger() },
		);
		expect(options).toEqual([]);
		expect(posthog.requests()).toEqual([]);
	});
});
