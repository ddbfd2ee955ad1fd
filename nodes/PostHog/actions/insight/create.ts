import {
	updateDisplayOptions,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INodePropertyOptions,
} from 'n8n-workflow';
import { requireText } from '../../shared/validation';
import { optionsField } from '../shared/descriptions';
import { hogQlInsightQuery } from '../shared/hogql';
import { hogQlInsightField, insightNameField } from './fields';
import { explainMissingResult } from './result';

// `saved` is false unless sent, and unsaved insights are missing from PostHog's lists
// (docs/posthog-api-part2.md §5.1, §8).
async function sendNewInsight(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const name = requireText(this, 'name', 'Name');
	const hogQl = requireText(this, 'hogQl', 'HogQL');
	return { ...requestOptions, body: { name, saved: true, query: hogQlInsightQuery(hogQl) } };
}

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create an insight',
	description: 'Save a HogQL query as an insight',
	routing: {
		request: { method: 'POST', url: '/api/projects/{projectId}/insights/' },
		send: { preSend: [sendNewInsight] },
		output: { postReceive: [explainMissingResult] },
	},
};

export const toolDescription =
	'Save a HogQL query as a SQL insight with a name (and optional description), shown in PostHog’s insight lists. Returns the insight (id, short_id, name).';

export const fields = updateDisplayOptions(
	{ show: { resource: ['insight'], operation: ['create'] } },
	[{ ...insightNameField(), required: true }, hogQlInsightField(true), optionsField()],
);
