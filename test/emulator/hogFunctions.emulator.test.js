'use strict';
// The emulator's hog_functions/ (webhook destinations) and emu.deliverEvent, which POSTs an
// event to each matching destination as PostHog's CDP would.
const http = require('http');
const { SEED } = require('./index');
const { useEmulator } = require('./testClient');

/** A local webhook receiver: records each request, answers the next queued status (else 200). */
async function startReceiver() {
	const receiver = { received: [], statuses: [] };
	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			const raw = Buffer.concat(chunks).toString('utf8');
			receiver.received.push({
				method: req.method,
				path: req.url,
				headers: req.headers,
				raw,
				body: raw ? JSON.parse(raw) : undefined,
			});
			res.writeHead(receiver.statuses.shift() ?? 200);
			res.end('ok');
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	receiver.url = `http://127.0.0.1:${server.address().port}`;
	receiver.close = () => new Promise((resolve) => server.close(resolve));
	return receiver;
}

describe('PostHog emulator: hog_functions/', () => {
	let emu;
	const { emu: running, call, send } = useEmulator({ now: '2025-02-01T10:00:00Z' });
	beforeAll(() => (emu = running()));
	// the body docs/posthog-api-part2.md §10.3 recommends for n8n's trigger
	const webhook = (url, overrides = {}) => ({
		type: 'destination',
		template_id: 'template-webhook',
		name: 'n8n: On Event (workflow 42)',
		description: 'Managed by n8n. n8n-ref:42',
		enabled: true,
		inputs: {
			url: { value: url },
			method: { value: 'POST' },
			headers: {
				value: {
					'Content-Type': 'application/json',
					'X-N8N-Secret': 'a3f9c2e1d4b5a6978f0e1d2c3b4a5968',
				},
			},
			body: {
				value: {
					event: '{event}',
					person: '{person}',
					groups: '{groups}',
					project: '{project}',
					source: '{source}',
				},
			},
		},
		filters: { events: [{ id: 'signed_up', name: 'signed_up', type: 'events', order: 0 }] },
		...overrides,
	});
	const create = (body) => send('POST', '/api/projects/1/hog_functions/', { body });

	describe('create', () => {
		test('a template-webhook destination: 201 with compiled inputs, the template’s code and schema', async () => {
			const { status, body } = await create(webhook('https://n8n.example.com/webhook/abc/posthog'));

			expect(status).toBe(201);
			expect(body).toMatchObject({
				type: 'destination',
				name: 'n8n: On Event (workflow 42)',
				description: 'Managed by n8n. n8n-ref:42',
				enabled: true,
				created_at: '2025-02-01T10:00:00Z',
				icon_url: '/static/services/webhook.svg',
				status: { state: 1, tokens: 10000 },
				template: { id: 'template-webhook', free: false, status: 'stable', type: 'destination' },
				masking: null,
				transpiled: null,
				execution_order: null,
			});
			expect(body.id).toMatch(
				/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
			);
			expect(body.hog).toContain('fetch(inputs.url, payload)');
			expect(body.inputs_schema.map((s) => s.key)).toEqual([
				'url',
				'method',
				'body',
				'headers',
				'signing_secret',
				'debug',
			]);
			expect(body.inputs.url).toEqual({
				value: 'https://n8n.example.com/webhook/abc/posthog',
				bytecode: ['_H', 1, 32, 'https://n8n.example.com/webhook/abc/posthog'],
				order: expect.any(Number),
			});
			expect(body.inputs.headers.value).toEqual({
				'Content-Type': 'application/json',
				'X-N8N-Secret': 'a3f9c2e1d4b5a6978f0e1d2c3b4a5968',
			});
			expect(body.filters).toMatchObject({
				source: 'events',
				events: [{ id: 'signed_up', type: 'events' }],
				bytecode: expect.any(Array),
			});
			expect(body).not.toHaveProperty('template_id');
			expect(body).not.toHaveProperty('deleted');
		});

		test('created disabled unless enabled:true, with no schema defaults filled in', async () => {
			const { body } = await create({
				type: 'destination',
				template_id: 'template-webhook',
				inputs: { url: { value: 'https://x.example/' } },
			});

			expect(body).toMatchObject({
				enabled: false,
				status: { state: 0, tokens: 0 },
				name: 'HTTP Webhook',
			});
			expect(Object.keys(body.inputs)).toEqual(['url']);
		});

		test('validation errors are PostHog’s 400 bodies', async () => {
			const cases = [
				[
					webhook(undefined, { inputs: { method: { value: 'POST' } } }),
					'inputs__url',
					'This field is required.',
					'invalid_input',
				],
				[webhook('', {}), 'inputs__url', 'This field is required.', 'invalid_input'],
				[
					webhook('https://x.example/', {
						inputs: { url: { value: 'https://x.example/' }, headers: { value: 'X-A: 1' } },
					}),
					'inputs__headers',
					'Value must be a dictionary.',
					'invalid_input',
				],
				[
					webhook('https://x.example/', { type: 'x' }),
					'type',
					'"x" is not a valid choice.',
					'invalid_choice',
				],
				[
					webhook('https://x.example/', { template_id: 'template-nope' }),
					'template_id',
					"No template found for id 'template-nope'",
					'invalid_input',
				],
				[{ type: 'destination', name: 'custom', inputs: {} }, 'hog', 'Required.', 'invalid_input'],
				[
					webhook('https://x.example/', { inputs_schema: [{ key: 'url', type: 'url' }] }),
					'inputs_schema__0__type',
					'"url" is not a valid choice.',
					'invalid_choice',
				],
			];
			for (const [body, attr, detail, code] of cases) {
				const res = await create(body);
				expect({ attr, res: { status: res.status, body: res.body } }).toEqual({
					attr,
					res: { status: 400, body: { type: 'validation_error', code, detail, attr } },
				});
			}
		});

		test('a key without hog_function:write gets 403', async () => {
			emu.state.keys.phx_read = { scopes: ['hog_function:read'] };
			const res = await send('POST', '/api/projects/1/hog_functions/', {
				body: webhook('https://x.example/'),
				key: 'phx_read',
			});
			expect(res.status).toBe(403);
			expect(res.body).toEqual({
				type: 'authentication_error',
				code: 'permission_denied',
				detail: "API key missing required scope 'hog_function:write'",
				attr: null,
			});
		});

		test('older servers: personal keys refused (internal), or the Data Pipelines addon required', async () => {
			emu.state.hogFunctionAccess = 'internal';
			const internal = await create(webhook('https://x.example/'));
			expect(internal.status).toBe(403);
			expect(internal.body).toEqual({
				type: 'authentication_error',
				code: 'permission_denied',
				detail: 'This action does not support Personal API Key access',
				attr: null,
			});
			expect(
				(await send('GET', `/api/projects/1/hog_functions/${SEED.hogFunctionIds.slackAlerts}/`))
					.status,
			).toBe(403);

			emu.state.hogFunctionAccess = 'addon';
			const noAddon = await create(webhook('https://x.example/'));
			expect(noAddon.status).toBe(400);
			expect(noAddon.body).toEqual({
				type: 'validation_error',
				code: 'invalid_input',
				detail:
					'The Data Pipelines addon is required for this template. Please upgrade your plan to use this template.',
				attr: 'template_id',
			});
			emu.state.dataPipelinesAddon = true;
			expect((await create(webhook('https://x.example/'))).status).toBe(201);
		});

		test('a secret input is returned as {secret: true}', async () => {
			const { body: created } = await create(
				webhook('https://x.example/', {
					inputs_schema: [
						{ key: 'url', type: 'string', label: 'Webhook URL', required: true },
						{
							key: 'n8n_secret',
							type: 'string',
							label: 'n8n secret',
							secret: true,
							required: true,
						},
					],
					inputs: { url: { value: 'https://x.example/' }, n8n_secret: { value: 's3cr3t' } },
				}),
			);
			expect(created.inputs.n8n_secret).toEqual({ secret: true });
			const { body: read } = await send('GET', `/api/projects/1/hog_functions/${created.id}/`);
			expect(read.inputs.n8n_secret).toEqual({ secret: true });
		});
	});

	describe('get, update, delete, list', () => {
		test('soft delete by PATCH {deleted:true, enabled:false}: GET and a second delete are 404, {deleted:false} restores', async () => {
			const { body: created } = await create(webhook('https://x.example/'));
			const path = `/api/projects/1/hog_functions/${created.id}/`;
			expect((await send('GET', path)).body).toMatchObject({ id: created.id, enabled: true });

			const deleted = await send('PATCH', path, { body: { deleted: true, enabled: false } });
			expect(deleted.status).toBe(200);
			expect(deleted.body).toMatchObject({ id: created.id, enabled: false });

			const notFound = {
				type: 'invalid_request',
				code: 'not_found',
				detail: 'Not found.',
				attr: null,
			};
			expect(await send('GET', path)).toMatchObject({ status: 404, body: notFound });
			expect(await send('PATCH', path, { body: { deleted: true, enabled: false } })).toMatchObject({
				status: 404,
				body: notFound,
			});

			expect((await send('PATCH', path, { body: { deleted: false } })).status).toBe(200);
			expect((await send('GET', path)).status).toBe(200);
		});

		test('the seeded soft-deleted destination and a non-uuid id are 404', async () => {
			expect(
				(await send('GET', `/api/projects/1/hog_functions/${SEED.hogFunctionIds.oldWebhook}/`))
					.status,
			).toBe(404);
			expect((await send('GET', '/api/projects/1/hog_functions/not-a-uuid/')).status).toBe(404);
			expect(
				(await send('GET', `/api/projects/1/hog_functions/${SEED.hogFunctionIds.slackAlerts}/`))
					.body,
			).toMatchObject({ name: 'Slack alerts', enabled: false });
		});

		test('PATCH keeps the rest, refuses a type change; DELETE is 405 with no body', async () => {
			const { body: created } = await create(webhook('https://x.example/'));
			const path = `/api/projects/1/hog_functions/${created.id}/`;
			emu.now = () => new Date('2025-02-02T10:00:00Z');

			const renamed = await send('PATCH', path, { body: { name: 'renamed' } });
			expect(renamed.body).toMatchObject({
				name: 'renamed',
				enabled: true,
				updated_at: '2025-02-02T10:00:00Z',
				inputs: { url: { value: 'https://x.example/' } },
			});

			const retyped = await send('PATCH', path, { body: { type: 'site_app' } });
			expect(retyped).toMatchObject({
				status: 400,
				body: { attr: 'type', detail: 'Cannot modify the type of an existing function' },
			});

			const destroy = await call('DELETE', path);
			expect(destroy.status).toBe(405);
			expect(destroy.headers.get('content-type')).toBeNull();
			expect(await destroy.text()).toBe('');
		});

		test('the list uses the minimal serializer, skips deleted rows and filters on enabled', async () => {
			const { body: created } = await create(webhook('https://x.example/'));

			const all = await send('GET', '/api/projects/1/hog_functions/');
			expect(all.body.count).toBe(2);
			expect(all.body.results.map((f) => f.id)).toEqual([
				created.id,
				SEED.hogFunctionIds.slackAlerts,
			]);
			expect(all.body.results[0]).not.toHaveProperty('inputs');

			const enabled = await send(
				'GET',
				'/api/projects/1/hog_functions/?enabled=true&type=destination',
			);
			expect(enabled.body.results.map((f) => f.id)).toEqual([created.id]);
			const full = await send('GET', '/api/projects/1/hog_functions/?full=true&search=n8n-ref:42');
			expect(full.body.results).toHaveLength(1);
			expect(full.body.results[0].inputs.url.value).toBe('https://x.example/');
		});
	});

	describe('emu.deliverEvent', () => {
		let receiver;
		beforeEach(async () => {
			receiver = await startReceiver();
		});
		afterEach(() => receiver.close());

		test('POSTs a matching event with the headers and the §10.5 payload, and returns the statuses', async () => {
			const { body: fn } = await create(webhook(`${receiver.url}/webhook/abc`));

			const results = await emu.deliverEvent({
				event: 'signed_up',
				distinct_id: 'maria@acme.com',
				properties: { plan: 'pro', $groups: { company: 'acme' } },
				timestamp: '2025-02-01T09:59:59.123Z',
			});

			expect(results).toEqual([
				{ id: fn.id, name: fn.name, url: `${receiver.url}/webhook/abc`, statuses: [200] },
			]);
			expect(receiver.received).toHaveLength(1);
			const [delivery] = receiver.received;
			expect(delivery).toMatchObject({ method: 'POST', path: '/webhook/abc' });
			expect(delivery.headers).toMatchObject({
				'content-type': 'application/json',
				'x-n8n-secret': 'a3f9c2e1d4b5a6978f0e1d2c3b4a5968',
			});
			const stored = emu.state.events[emu.state.events.length - 1];
			expect(delivery.body).toEqual({
				event: {
					uuid: stored.uuid,
					event: 'signed_up',
					elements_chain: '',
					distinct_id: 'maria@acme.com',
					properties: { plan: 'pro', $groups: { company: 'acme' } },
					timestamp: '2025-02-01T09:59:59.123Z',
					captured_at: '2025-02-01T10:00:00.000Z',
					url: `${emu.url}/project/1/events/${stored.uuid}/2025-02-01T09%3A59%3A59.123Z`,
				},
				person: {
					id: SEED.personIds.maria,
					properties: { email: 'maria@acme.com', name: 'Maria Garcia' },
					name: 'maria@acme.com',
					url: `${emu.url}/project/1/person/maria%40acme.com`,
				},
				groups: {
					company: {
						id: 'acme',
						index: 0,
						type: 'company',
						url: `${emu.url}/project/1/groups/0/acme`,
						properties: { name: 'Acme', industry: 'SaaS', employees: 120 },
					},
				},
				project: { id: 1, name: 'Default project', url: `${emu.url}/project/1` },
				source: {
					name: fn.name,
					url: `${emu.url}/project/1/pipeline/destinations/hog-${fn.id}/configuration/`,
				},
			});
		});

		test('only enabled, non-deleted destinations whose event filter matches receive it', async () => {
			await create(webhook(`${receiver.url}/signups`));
			await create(webhook(`${receiver.url}/disabled`, { enabled: false }));
			const { body: gone } = await create(webhook(`${receiver.url}/deleted`));
			await send('PATCH', `/api/projects/1/hog_functions/${gone.id}/`, {
				body: { deleted: true, enabled: false },
			});
			await create(webhook(`${receiver.url}/everything`, { filters: {} }));

			expect(
				await emu.deliverEvent({ event: '$pageview', distinct_id: 'tom@acme.com' }),
			).toHaveLength(1);
			expect(receiver.received.map((r) => r.path)).toEqual(['/everything']);

			receiver.received.length = 0;
			const results = await emu.deliverEvent(SEED.eventIds.tomSignedUp);
			expect(results.map((r) => r.url).sort()).toEqual([
				`${receiver.url}/everything`,
				`${receiver.url}/signups`,
			]);
			expect(receiver.received.find((r) => r.path === '/signups').body.event.uuid).toBe(
				SEED.eventIds.tomSignedUp,
			);
		});

		test('retries 5xx up to 3 attempts in all, but not a 404', async () => {
			await create(webhook(`${receiver.url}/flaky`));
			receiver.statuses.push(503, 502);
			expect((await emu.deliverEvent(SEED.eventIds.liSignedUp))[0].statuses).toEqual([
				503, 502, 200,
			]);

			receiver.statuses.push(500, 500, 500);
			expect((await emu.deliverEvent(SEED.eventIds.liSignedUp))[0].statuses).toEqual([
				500, 500, 500,
			]);

			receiver.statuses.push(404);
			expect((await emu.deliverEvent(SEED.eventIds.liSignedUp))[0].statuses).toEqual([404]);
			expect(receiver.received).toHaveLength(7);
		});

		test('an event without a person sends person null; a template body without headers gets JSON content-type', async () => {
			await create(
				webhook(`${receiver.url}/plain`, {
					inputs: {
						url: { value: `${receiver.url}/plain` },
						body: {
							value: {
								who: '{person}',
								text: 'signup by {event.distinct_id} on {event.properties.plan}',
							},
						},
					},
				}),
			);

			await emu.deliverEvent({
				event: 'signed_up',
				distinct_id: 'stranger-1',
				properties: { plan: 'free' },
			});

			expect(receiver.received[0].headers['content-type']).toBe('application/json');
			expect(receiver.received[0].body).toEqual({
				who: null,
				text: 'signup by stranger-1 on free',
			});
		});
	});
	describe('0.3: internal destinations, signing, action filters (part 3 §9, §10)', () => {
		const SECRET = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
		let receiver;
		beforeEach(async () => {
			receiver = await startReceiver();
		});
		afterEach(() => receiver.close());

		test('signing_secret is kept encrypted; an older template drops it silently', async () => {
			const signed = await create(
				webhook('https://x.example/', {
					inputs: { url: { value: 'https://x.example/' }, signing_secret: { value: SECRET } },
				}),
			);
			expect(signed.status).toBe(201);
			expect(signed.body.inputs.signing_secret).toEqual({ secret: true });
			emu.state.webhookSigning = false;
			const older = await create(
				webhook('https://x.example/', {
					inputs: { url: { value: 'https://x.example/' }, signing_secret: { value: SECRET } },
				}),
			);
			expect(older.status).toBe(201);
			expect(older.body.inputs.signing_secret).toBeUndefined();
		});

		test('refusals: no internal destinations on older servers, managed alert events, unknown actions', async () => {
			const internal = (eventId) =>
				webhook('https://x.example/', {
					type: 'internal_destination',
					filters: { events: [{ id: eventId, type: 'events' }] },
				});
			expect((await create(internal('$insight_alert_firing'))).status).toBe(201);
			const managed = await create(internal('$logs_alert_firing'));
			expect(managed.body).toEqual({
				type: 'validation_error',
				code: 'invalid_input',
				detail: 'Alert notification destinations are managed through the alert API.',
				attr: 'filters',
			});
			const unknownAction = await create(
				webhook('https://x.example/', { filters: { actions: [{ id: '999', type: 'actions' }] } }),
			);
			expect(unknownAction.status).toBe(400);
			expect(unknownAction.body.attr).toBe('filters');
			emu.state.internalDestinations = false;
			const older = await create(internal('$error_tracking_issue_created'));
			expect(older.body).toEqual({
				type: 'validation_error',
				code: 'invalid_choice',
				detail: '"internal_destination" is not a valid choice.',
				attr: 'type',
			});
		});

		test('a signed destination sends the Standard Webhooks headers, the same webhook-id on a retry', async () => {
			const { createHmac } = require('node:crypto');
			await create(
				webhook(`${receiver.url}/signed`, {
					inputs: { url: { value: `${receiver.url}/signed` }, signing_secret: { value: SECRET } },
				}),
			);
			receiver.statuses.push(503);
			const [result] = await emu.deliverEvent({
				event: 'signed_up',
				distinct_id: 'maria@acme.com',
			});
			expect(result.statuses).toEqual([503, 200]);
			const [first, retry] = receiver.received;
			expect(retry.headers['webhook-id']).toBe(first.headers['webhook-id']);
			const { 'webhook-id': id, 'webhook-timestamp': timestamp } = retry.headers;
			expect(timestamp).toBe(String(Date.parse('2025-02-01T10:00:00Z') / 1000));
			const expected = createHmac('sha256', Buffer.alloc(32, 7))
				.update(`${id}.${timestamp}.${retry.raw}`)
				.digest('base64');
			expect(retry.headers['webhook-signature']).toBe(`v1,${expected}`);
		});

		test('deliverInternalEvent reaches internal destinations only, by event and per-entry properties', async () => {
			const scoped = await create(
				webhook(`${receiver.url}/flags`, {
					type: 'internal_destination',
					filters: {
						events: [
							{
								id: '$activity_log_entry_created',
								type: 'events',
								properties: [
									{ key: 'scope', value: ['FeatureFlag'], operator: 'exact', type: 'event' },
								],
							},
						],
					},
				}),
			);
			await create(
				webhook(`${receiver.url}/captured`, {
					filters: { events: [{ id: '$activity_log_entry_created', type: 'events' }] },
				}),
			);
			const signal = (scope) => ({
				event: '$activity_log_entry_created',
				distinct_id: 'team_1',
				properties: { scope, activity: 'updated', item_id: '17' },
			});
			expect(await emu.deliverInternalEvent(signal('Insight'))).toEqual([]);
			const results = await emu.deliverInternalEvent(signal('FeatureFlag'));
			expect(results.map((r) => r.id)).toEqual([scoped.body.id]);
			expect(receiver.received[0].body).toEqual({
				event: {
					uuid: expect.stringMatching(/^[0-9a-f-]{36}$/),
					event: '$activity_log_entry_created',
					elements_chain: '',
					distinct_id: 'team_1',
					properties: { scope: 'FeatureFlag', activity: 'updated', item_id: '17' },
					timestamp: '2025-02-01T10:00:00.000',
					url: '',
				},
				person: null,
				groups: null,
				project: { id: 1, name: expect.any(String), url: `${emu.url}/project/1` },
				source: expect.objectContaining({ name: 'n8n: On Event (workflow 42)' }),
			});
		});

		test('action filters: an event matching a step of the action is delivered', async () => {
			await create(
				webhook(`${receiver.url}/action`, {
					filters: { actions: [{ id: String(SEED.actionIds.signedUp), type: 'actions' }] },
				}),
			);
			expect(await emu.deliverEvent({ event: 'pageview', distinct_id: 'maria@acme.com' })).toEqual(
				[],
			);
			const [result] = await emu.deliverEvent({
				event: 'signed_up',
				distinct_id: 'maria@acme.com',
			});
			expect(result.statuses).toEqual([200]);
		});
	});
});
