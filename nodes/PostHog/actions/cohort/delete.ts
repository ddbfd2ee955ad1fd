import { updateDisplayOptions, type INodePropertyOptions } from 'n8n-workflow';
import { optionsField } from '../shared/descriptions';
import { cohortLocator } from './fields';

// DELETE is refused with 405: PostHog deletes cohorts softly (docs/posthog-api-part3.md §1).
export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a cohort',
	description: 'Delete a cohort (PostHog keeps it as deleted)',
	routing: {
		request: {
			method: 'PATCH',
			url: '/api/projects/{projectId}/cohorts/{cohortId}/',
			body: { deleted: true },
		},
	},
};

export const toolDescription =
	'Delete a cohort by numeric ID or URL (PostHog soft-deletes it; the output is the cohort with deleted: true). Insights and flags that use it stop matching its persons: put a human review before this in automated workflows.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['cohort'], operation: ['delete'] } },
	[cohortLocator(), optionsField()],
);
