import { updateDisplayOptions, type INodePropertyOptions } from 'n8n-workflow';
import { sendWithoutBody } from '../shared/body';
import { optionsField } from '../shared/descriptions';
import { insightLocator } from '../shared/insightLocator';

// Rotates the access token: the old share link stops working (docs/posthog-api.md §3.4).
export const option: INodePropertyOptions = {
	name: 'Refresh',
	value: 'refresh',
	action: 'Refresh the share link of an insight',
	description: 'Issue a new access token for the insight’s share link; the old link stops working',
	routing: {
		request: {
			method: 'POST',
			url: '/api/projects/{projectId}/insights/{insightId}/sharing/refresh/',
		},
		send: { preSend: [sendWithoutBody] },
	},
};

export const toolDescription =
	'Issue a new access token for an insight’s share link. The old link stops working at once and cannot be restored: put a human review before this in automated workflows.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['insightSharing'], operation: ['refresh'] } },
	[insightLocator('The insight whose sharing to manage'), optionsField()],
);
