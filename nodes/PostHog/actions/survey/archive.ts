import { updateDisplayOptions, type INodePropertyOptions } from 'n8n-workflow';
import { optionsField } from '../shared/descriptions';
import { surveyLocator } from './fields';

// Never DELETE: PostHog's DELETE removes the survey for good, and its targeting feature flags
// with it (docs/posthog-api-part3.md §3). Archiving hides it and keeps its responses.
export const option: INodePropertyOptions = {
	name: 'Archive',
	value: 'archive',
	action: 'Archive a survey',
	description: 'Archive a survey: it stops showing and leaves the list; its responses are kept',
	routing: {
		request: {
			method: 'PATCH',
			url: '/api/projects/{projectId}/surveys/{surveyId}/',
			body: { archived: true },
		},
	},
};

export const toolDescription =
	'Archive a survey (by UUID or URL): PostHog stops showing it and hides it from the list of surveys not archived; its responses are kept. This is the package’s only way to remove a survey. Returns the survey.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['survey'], operation: ['archive'] } },
	[surveyLocator(), optionsField()],
);
