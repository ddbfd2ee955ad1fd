const { usePostHog } = require('./helpers/posthog');
const { PostHogManagementApi } = require('./helpers/builtPackage');

const posthog = usePostHog();

describe('credential postHogManagementApi', () => {
	test('the credential test calls GET /api/users/@me/ with the Bearer key and succeeds', async () => {
		const { json, error } = await posthog.testCredential();

		expect(error).toBeUndefined();
		expect(posthog.requests()).toHaveLength(1);
		const request = posthog.lastRequest();
		expect(request.method).toBe('GET');
		expect(request.path).toBe('/api/users/@me/');
		expect(request.headers.authorization).toBe(`Bearer ${posthog.emulator.apiKey}`);
		expect(json[0].email).toBe('ada@example.com');
	});

	test('the credential test fails for a wrong key, and the key is not in the error', async () => {
		const { error } = await posthog.testCredential({ apiKey: 'phx_wrong_key_123' });

		expect(error).toBeDefined();
		expect(error.httpCode).toBe('401');
		expect(JSON.stringify(error)).not.toContain('phx_wrong_key_123');
	});

	test.each([
		['a trailing slash', (url) => `${url}/`],
		['a trailing /api', (url) => `${url}/api`],
		['a trailing /api/', (url) => `${url}/api/`],
		['surrounding spaces', (url) => `  ${url}  `],
	])('a custom host with %s reaches the same API', async (_, variant) => {
		const { error } = await posthog.testCredential({ host: variant(posthog.emulator.url) });

		expect(error).toBeUndefined();
		expect(posthog.lastRequest().path).toBe('/api/users/@me/');
	});

	test('a key pasted with a trailing newline still authenticates', async () => {
		const { error } = await posthog.testCredential({ apiKey: `${posthog.emulator.apiKey}\n` });

		expect(error).toBeUndefined();
		expect(posthog.lastRequest().headers.authorization).toBe(`Bearer ${posthog.emulator.apiKey}`);
	});

	test('a custom host that is not an http(s) URL fails with a clear message and sends nothing', async () => {
		const { error } = await posthog.testCredential({ host: 'posthog.example.com' });

		expect(error.message).toMatch(/is not an http\(s\) URL/);
		expect(posthog.requests()).toHaveLength(0);
	});

	test.each([
		['us', 'https://us.posthog.com'],
		['eu', 'https://eu.posthog.com'],
	])('region %s sends requests to %s with the Bearer header', async (region, host) => {
		const credential = new PostHogManagementApi();
		const options = await credential.authenticate(
			{ region, host: 'https://ignored.example.com', apiKey: 'phx_abc' },
			{ url: '/api/users/@me/', headers: { Accept: 'application/json' } },
		);

		expect(options).toEqual({
			url: '/api/users/@me/',
			baseURL: host,
			headers: { Accept: 'application/json', Authorization: 'Bearer phx_abc' },
		});
	});

	test('n8n’s credential dialog explains a 401 and a 403 instead of showing the bare status', () => {
		const { rules } = new PostHogManagementApi().test;

		expect(rules.map((rule) => [rule.type, rule.properties.value])).toEqual([
			['responseCode', 401],
			['responseCode', 403],
		]);
		expect(rules[0].properties.message).toMatch(/personal API key.*region/);
		expect(rules[1].properties.message).toMatch(/user:read/);
	});

	test('the API key field is a password field, and the custom host shows only for the custom region', () => {
		const credential = new PostHogManagementApi();
		const apiKey = credential.properties.find((property) => property.name === 'apiKey');
		const host = credential.properties.find((property) => property.name === 'host');
		const region = credential.properties.find((property) => property.name === 'region');

		expect(apiKey.typeOptions.password).toBe(true);
		expect(host.displayOptions.show.region).toEqual(['custom']);
		expect(region.options.map((option) => option.value).sort()).toEqual(['custom', 'eu', 'us']);
		expect(credential.name).toBe('postHogManagementApi');
	});
});
