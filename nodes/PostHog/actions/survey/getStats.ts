import {
	updateDisplayOptions,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INodePropertyOptions,
} from 'n8n-workflow';
import { readDateTime } from '../shared/dates';
import { filtersField, optionsField } from '../shared/descriptions';
import { surveyLocator } from './fields';

/** preSend: the window as ISO dates with a zone; PostHog refuses dates without one (part 3 §3). */
async function sendStatsWindow(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const date_from = readDateTime(this, 'filters.dateFrom', 'Date From');
	const date_to = readDateTime(this, 'filters.dateTo', 'Date To');
	return {
		...requestOptions,
		qs: {
			...requestOptions.qs,
			...(date_from ? { date_from } : {}),
			...(date_to ? { date_to } : {}),
		},
	};
}

export const option: INodePropertyOptions = {
	name: 'Get Stats',
	value: 'getStats',
	action: 'Get the stats of a survey',
	description: 'Get how often a survey was shown, dismissed and answered, and its response rate',
	routing: {
		request: { method: 'GET', url: '/api/projects/{projectId}/surveys/{surveyId}/stats/' },
		send: { preSend: [sendStatsWindow] },
	},
};

export const toolDescription =
	'Get a survey’s stats (by UUID or URL): stats keyed by "survey shown", "survey dismissed" and "survey sent", each with total_count and unique_persons, and rates (response_rate, dismissal_rate, in percent). Optional window: Date From and Date To (ISO 8601; without a zone, the workflow’s time zone); PostHog clips it to the survey’s own start and end.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['survey'], operation: ['getStats'] } },
	[
		surveyLocator(),
		filtersField(
			{
				displayName: 'Date From',
				name: 'dateFrom',
				type: 'dateTime',
				default: '',
				description: 'Count only from this moment on',
			},
			{
				displayName: 'Date To',
				name: 'dateTo',
				type: 'dateTime',
				default: '',
				description: 'Count only up to this moment',
			},
		),
		optionsField(),
	],
);
