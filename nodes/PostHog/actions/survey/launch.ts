import { updateDisplayOptions, type INodePropertyOptions } from 'n8n-workflow';
import { optionsField } from '../shared/descriptions';
import { sendNowAs, surveyLocator } from './fields';

// Setting start_date activates the survey's targeting flags (docs/posthog-api-part3.md §3).
export const option: INodePropertyOptions = {
	name: 'Launch',
	value: 'launch',
	action: 'Launch a survey',
	description: 'Start showing a survey to users now',
	routing: {
		request: { method: 'PATCH', url: '/api/projects/{projectId}/surveys/{surveyId}/' },
		send: { preSend: [sendNowAs('start_date')] },
	},
};

export const toolDescription =
	'Launch a survey (by UUID or URL) now: sets its start date, so PostHog starts showing it to the users it targets. Returns the survey. Real users see it at once: put a human review before this in automated workflows.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['survey'], operation: ['launch'] } },
	[surveyLocator(), optionsField()],
);
