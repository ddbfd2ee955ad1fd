import {
	updateDisplayOptions,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INodePropertyOptions,
} from 'n8n-workflow';
import { optionsField } from '../shared/descriptions';
import { insightLocator } from '../shared/insightLocator';
import { explainMissingResult } from './result';

/** `?refresh=blocking` computes results PostHog has not cached (docs/posthog-api-part2.md §5.1). */
async function sendRefresh(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	if (!this.getNodeParameter('options.refresh', false)) return requestOptions;
	return { ...requestOptions, qs: { ...requestOptions.qs, refresh: 'blocking' } };
}

export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get an insight',
	description: 'Get an insight with its query and the results PostHog has cached for it',
	routing: {
		request: { method: 'GET', url: '/api/projects/{projectId}/insights/{insightId}/' },
		send: { preSend: [sendRefresh] },
		output: { postReceive: [explainMissingResult] },
	},
};

export const toolDescription =
	'Get an insight by numeric ID or URL, with its query and the results PostHog has cached; result_computed: false means PostHog has none cached (set Options, Refresh to compute them, which is slower).';

export const fields = updateDisplayOptions(
	{ show: { resource: ['insight'], operation: ['get'] } },
	[
		insightLocator('The insight to get'),
		optionsField({
			displayName: 'Refresh',
			name: 'refresh',
			type: 'boolean',
			default: false,
			description:
				'Whether to compute fresh results rather than read PostHog’s cache, which has none for an insight nobody viewed lately',
		}),
	],
);
