import { updateDisplayOptions, type INodePropertyOptions } from 'n8n-workflow';
import { optionsField } from '../shared/descriptions';
import { sendNowAs, surveyLocator } from './fields';

// A stopped survey keeps its responses; clearing end_date in PostHog resumes it (part 3 §3).
export const option: INodePropertyOptions = {
	name: 'Stop',
	value: 'stop',
	action: 'Stop a survey',
	description: 'Stop showing a survey now; its responses are kept',
	routing: {
		request: { method: 'PATCH', url: '/api/projects/{projectId}/surveys/{surveyId}/' },
		send: { preSend: [sendNowAs('end_date')] },
	},
};

export const toolDescription =
	'Stop a survey (by UUID or URL) now: sets its end date, so PostHog stops showing it. Responses are kept. Returns the survey.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['survey'], operation: ['stop'] } },
	[surveyLocator(), optionsField()],
);
