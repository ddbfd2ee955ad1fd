const { usePostHog } = require('./helpers/posthog');
const { fileSystem, group } = require('./helpers/operations');

const posthog = usePostHog();

const find = group.find({ groupTypeIndex: 0, groupKey: 'acme' });

function answerWith(status, body, headers = {}) {
	posthog.emulator.override = (_req, request) =>
		request.path.endsWith('/groups/find/') ? { status, body, headers } : undefined;
}

function expectNoKey(error) {
	expect(JSON.stringify(error)).not.toContain(posthog.emulator.apiKey);
	expect(String(error.message)).not.toContain(posthog.emulator.apiKey);
	expect(String(error.description ?? '')).not.toContain(posthog.emulator.apiKey);
}

describe('PostHog errors become readable NodeApiErrors', () => {
	test('the standard {type, code, detail, attr} shape: detail is the message, attr is named', async () => {
		answerWith(400, {
			type: 'validation_error',
			code: 'invalid_input',
			detail: 'Bad key.',
			attr: 'group_key',
		});

		const { error } = await posthog.run(find);

		expect(error.message).toBe('Bad key.');
		expect(error.description).toContain('"group_key"');
		expect(error.httpCode).toBe('400');
		expectNoKey(error);
	});

	test('a bare {detail} body (file_system move) gives its detail', async () => {
		posthog.emulator.override = () => ({
			status: 400,
			body: { detail: 'Cannot move folder into itself' },
		});

		const { error } = await posthog.run(
			fileSystem.move({
				fileId: '0193a1b2-0000-7000-8000-000000000001',
				newPath: 'Marketing/Marketing',
			}),
		);

		expect(error.message).toBe('Cannot move folder into itself');
		expect(error.httpCode).toBe('400');
		expectNoKey(error);
	});

	test('an {error} body (sharing passwords) gives its text', async () => {
		answerWith(403, { error: 'Password management requires the Advanced Permissions feature' });

		const { error } = await posthog.run(find);

		expect(error.message).toBe('Password management requires the Advanced Permissions feature');
		expect(error.httpCode).toBe('403');
	});

	test('the capture-failure shape with no attr (code and detail swapped) still gives a message', async () => {
		answerWith(502, {
			code: 'Failed to submit group create event.',
			detail: 'capture_http_error',
			type: 'capture_http_error',
		});

		const { error } = await posthog.run(find);

		expect(error.message).toBe('capture_http_error');
		expect(error.httpCode).toBe('502');
	});

	test('a 401 from a wrong key says to check the key and the region, without the key', async () => {
		const { error } = await posthog.run(find, {
			credentials: posthog.credentials({ apiKey: 'phx_not_a_real_key' }),
		});

		expect(error.message).toBe(
			'Personal API key found in request Authorization header is invalid.',
		);
		expect(error.description).toMatch(/API key.*region/);
		expect(error.httpCode).toBe('401');
		expect(JSON.stringify(error)).not.toContain('phx_not_a_real_key');
	});

	test('a 403 for a missing scope names the scope to add', async () => {
		posthog.emulator.state.keys.phx_flags_only = { scopes: ['feature_flag:read'] };

		const { error } = await posthog.run(find, {
			credentials: posthog.credentials({ apiKey: 'phx_flags_only' }),
		});

		expect(error.message).toBe("API key missing required scope 'group:read'");
		expect(error.description).toContain('Add the scope "group:read"');
		expect(error.httpCode).toBe('403');
		expect(JSON.stringify(error)).not.toContain('phx_flags_only');
	});

	test('an HTML error page from a proxy shows the status and an excerpt, not a crash', async () => {
		answerWith(502, '<html><body><h1>502 Bad Gateway</h1></body></html>', {
			'content-type': 'text/html',
		});

		const { error } = await posthog.run(find);

		expect(error.httpCode).toBe('502');
		expect(error.message).toContain('502');
		expect(error.message).toContain('Bad Gateway');
	});

	test('a 200 that is not JSON (a login page in front of PostHog) is an error, not an output', async () => {
		answerWith(200, '<html>Please sign in</html>', { 'content-type': 'text/html' });

		const { error, json } = await posthog.run(find);

		expect(json).toEqual([]);
		expect(error.message).toMatch(/not JSON.*Please sign in/);
	});

	test('with Continue On Fail, each failing item gives an error item paired to its input', async () => {
		const { items, error } = await posthog.run(
			{ ...find, groupKey: '={{ $json.key }}' },
			{
				continueOnFail: true,
				input: [{ json: { key: 'acme' } }, { json: { key: 'missing' } }, { json: { key: 'acme' } }],
			},
		);

		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
		expect(items[0].json.group_key).toBe('acme');
		expect(items[1].json.error).toBe('Not found.');
		expect(items[2].json.group_key).toBe('acme');
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(JSON.stringify(items)).not.toContain(posthog.emulator.apiKey);
	});
});
