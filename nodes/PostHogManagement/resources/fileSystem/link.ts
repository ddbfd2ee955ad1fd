import type { INodePropertyOptions } from 'n8n-workflow';

// PostHog reads only `new_path` here, not the fields its published schema lists (posthog-api.md §1.2).
export const linkOperation: INodePropertyOptions = {
	name: 'Link',
	value: 'link',
	action: 'Create a shortcut to a file system item',
	description: 'Create a shortcut to an item (or a folder and everything in it) at a new path',
	routing: {
		request: { method: 'POST', url: '/api/projects/{projectId}/file_system/{fileId}/link/' },
	},
};
