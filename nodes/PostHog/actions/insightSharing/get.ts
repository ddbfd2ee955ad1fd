import { updateDisplayOptions, type INodePropertyOptions } from 'n8n-workflow';
import { optionsField } from '../shared/descriptions';
import { insightLocator } from '../shared/insightLocator';

// For an insight never shared, PostHog returns an unsaved default whose access token may change
// between calls until the sharing is saved (docs/posthog-api.md §3.1).
export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get the sharing settings of an insight',
	description: 'Get whether an insight is shared, its access token and its active passwords',
	routing: {
		request: { method: 'GET', url: '/api/projects/{projectId}/insights/{insightId}/sharing/' },
	},
};

export const toolDescription =
	'Get an insight’s sharing settings: enabled, access_token (the share link is HOST/shared/ACCESS_TOKEN), password_required and the active passwords.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['insightSharing'], operation: ['get'] } },
	[insightLocator('The insight whose sharing to manage'), optionsField()],
);
