'use strict';
// The requests of a group upsert (find → create, or update_property per property) answer as
// PostHog does (docs/posthog-api-part2.md §2), including the lost race and a failed capture.
const { startEmulator } = require('./index');

describe('PostHog emulator: group upsert', () => {
	let emu;
	const call = (method, path, body) =>
		fetch(emu.url + path, {
			method,
			headers: {
				Authorization: `Bearer ${emu.apiKey}`,
				...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
	const base = '/api/projects/1/groups';
	const find = (key) =>
		call('GET', `${base}/find/?group_type_index=0&group_key=${key}&skip_create_notebook=true`);
	const NOW = '2025-02-01T10:00:00Z';

	beforeAll(async () => {
		emu = await startEmulator({ apiKey: 'phx_test_key' });
	});
	beforeEach(() => {
		emu.now = () => new Date(NOW);
	});
	afterEach(() => emu.reset());
	afterAll(() => emu.close());

	test('find 404 → create 201 → find 200 (no notebook with skip_create_notebook=true)', async () => {
		const missing = await find('wayne');
		expect(missing.status).toBe(404);
		expect(await missing.json()).toEqual({
			type: 'invalid_request',
			code: 'not_found',
			detail: 'Not found.',
			attr: null,
		});

		const created = await call('POST', `${base}/`, {
			group_type_index: 0,
			group_key: 'wayne',
			group_properties: { name: 'Wayne' },
		});
		expect(created.status).toBe(201);
		expect(await created.json()).toEqual({
			group_type_index: 0,
			group_key: 'wayne',
			group_properties: { name: 'Wayne' },
			created_at: NOW,
		});

		const found = await find('wayne');
		expect(found.status).toBe(200);
		expect(await found.json()).toMatchObject({ group_key: 'wayne', notebook: null });
		expect(emu.state.notebooksCreated).toEqual([]);
	});

	test('a lost race: create answers 400 "already exists", then update_property succeeds', async () => {
		const dup = await call('POST', `${base}/`, {
			group_type_index: 0,
			group_key: 'acme',
			group_properties: { plan: 'pro' },
		});
		expect(dup.status).toBe(400);
		expect(await dup.json()).toEqual({
			type: 'validation_error',
			code: 'invalid_input',
			detail: 'A group with this key already exists',
			attr: 'detail',
		});

		const updated = await call(
			'POST',
			`${base}/update_property/?group_type_index=0&group_key=acme`,
			{ key: 'plan', value: 'pro' },
		);
		expect(updated.status).toBe(200);
		expect((await updated.json()).group_properties).toMatchObject({ name: 'Acme', plan: 'pro' });
	});

	test('a failed capture answers the swapped no-attr body, yet the group was saved', async () => {
		emu.state.groupCaptureFailure = 502;
		const res = await call('POST', `${base}/`, {
			group_type_index: 0,
			group_key: 'wayne',
			group_properties: { name: 'Wayne' },
		});
		expect(res.status).toBe(502);
		expect(await res.json()).toEqual({
			code: 'Failed to submit group create event.',
			detail: 'capture_http_error',
			type: 'capture_http_error',
		});
		expect((await find('wayne')).status).toBe(200);
	});

	test('find without group_key is 400 "This query parameter is required."', async () => {
		const res = await call('GET', `${base}/find/?group_type_index=0`);
		expect(res.status).toBe(400);
		expect(await res.json()).toEqual({
			type: 'validation_error',
			code: 'invalid_input',
			detail: 'This query parameter is required.',
			attr: 'group_key',
		});
	});
});
