import { updateDisplayOptions, type INodePropertyOptions } from 'n8n-workflow';
import { optionsField } from '../shared/descriptions';
import { insightLocator } from '../shared/insightLocator';

// PostHog refuses DELETE on insights (405); a PATCH {deleted:true} soft-deletes, and
// {deleted:false} restores (docs/posthog-api-part2.md §5.1, §8).
export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete an insight',
	description: 'Soft-delete an insight: PostHog hides it, and can restore it',
	routing: {
		request: {
			method: 'PATCH',
			url: '/api/projects/{projectId}/insights/{insightId}/',
			body: { deleted: true },
		},
	},
};

export const toolDescription =
	'Delete an insight by numeric ID or URL (PostHog soft-deletes it and can restore it). Its dashboards and share links stop showing it. Put a human review before this in automated workflows.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['insight'], operation: ['delete'] } },
	[insightLocator('The insight to delete'), optionsField()],
);
