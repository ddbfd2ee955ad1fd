import { updateDisplayOptions, type INodePropertyOptions } from 'n8n-workflow';
import { optionsField } from '../shared/descriptions';
import { fileIdField, newPathField } from './fields';

// PostHog reads only `new_path` here, not the fields its published schema lists (docs/posthog-api.md §1.2).
export const option: INodePropertyOptions = {
	name: 'Link',
	value: 'link',
	action: 'Create a shortcut to a file system item',
	description: 'Create a shortcut to an item (or a folder and everything in it) at a new path',
	routing: {
		request: { method: 'POST', url: '/api/projects/{projectId}/file_system/{fileId}/link/' },
	},
};

export const toolDescription =
	'Create a shortcut to a project-tree item (or a folder and everything in it) at a new path. The item is given by its tree entry UUID. Returns the new entry.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['fileSystem'], operation: ['link'] } },
	[fileIdField(), newPathField(), optionsField()],
);
