import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

const cloudHosts: Record<string, string> = {
	us: 'https://us.posthog.com',
	eu: 'https://eu.posthog.com',
};

/**
 * The base URL of the PostHog app for these credentials, without a trailing `/` or `/api`
 * (routes add `/api/...` themselves). A custom host must be an http(s) URL.
 */
export function postHogBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const region = String(credentials.region ?? 'us');
	if (region !== 'custom') {
		const host = cloudHosts[region];
		if (!host)
			throw new Error(`Unknown PostHog region "${region}". Choose US Cloud, EU Cloud or Custom.`);
		return host;
	}

	const host = String(credentials.host ?? '')
		.trim()
		.replace(/\/+$/, '')
		.replace(/\/api$/, '');
	let url: URL | undefined;
	try {
		url = new URL(host);
	} catch {
		url = undefined;
	}
	if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
		throw new Error(
			`The PostHog host "${host}" is not an http(s) URL. Enter the address of your PostHog instance, e.g. https://posthog.example.com`,
		);
	}
	return host;
}

export class PostHogManagementApi implements ICredentialType {
	name = 'postHogManagementApi';

	displayName = 'PostHog Management API';

	icon: Icon = { light: 'file:../icons/posthog.svg', dark: 'file:../icons/posthog.dark.svg' };

	documentationUrl = 'https://posthog.com/docs/api#private-endpoint-authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			options: [
				{ name: 'US Cloud', value: 'us', description: 'https://us.posthog.com' },
				{ name: 'EU Cloud', value: 'eu', description: 'https://eu.posthog.com' },
				{ name: 'Custom (Self-Hosted)', value: 'custom', description: 'Your own PostHog instance' },
			],
			default: 'us',
			description: 'Where your PostHog project is hosted',
		},
		{
			displayName: 'Host',
			name: 'host',
			type: 'string',
			default: '',
			placeholder: 'https://posthog.example.com',
			description: 'Base URL of your PostHog instance, without a trailing /api',
			required: true,
			displayOptions: { show: { region: ['custom'] } },
		},
		{
			displayName: 'Personal API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'phx_...',
			description:
				'A personal API key (starts with phx_), created in PostHog under Settings → Personal API keys. The project key (phc_) cannot call these endpoints.',
		},
	];

	// A function rather than a generic header expression: it also points every request at the
	// region's host, so nodes and the credential test need no baseURL of their own.
	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => ({
		...requestOptions,
		baseURL: postHogBaseUrl(credentials),
		headers: {
			...requestOptions.headers,
			Authorization: `Bearer ${String(credentials.apiKey ?? '').trim()}`,
		},
	});

	test: ICredentialTestRequest = {
		request: {
			method: 'GET',
			url: '/api/users/@me/',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'PostHog does not accept this key. Use a personal API key (phx_…, not the project key phc_…) from the region chosen above.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'The key works, but may not read your user. Give it the user:read scope (Settings → Personal API keys in PostHog).',
				},
			},
		],
	};
}
