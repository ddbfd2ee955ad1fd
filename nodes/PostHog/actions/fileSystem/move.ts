import { updateDisplayOptions, type INodePropertyOptions } from 'n8n-workflow';
import { optionsField } from '../shared/descriptions';
import { fileIdField, newPathField } from './fields';

// PostHog reads only `new_path` here, not the fields its published schema lists (docs/posthog-api.md §1.1).
export const option: INodePropertyOptions = {
	name: 'Move',
	value: 'move',
	action: 'Move a file system item',
	description: 'Move or rename an item; a folder takes everything in it along',
	routing: {
		request: { method: 'POST', url: '/api/projects/{projectId}/file_system/{fileId}/move/' },
	},
};

export const toolDescription =
	'Move or rename a project-tree item, given by its tree entry UUID, to a new path; a folder takes everything in it along. Returns the moved entry.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['fileSystem'], operation: ['move'] } },
	[fileIdField(), newPathField(), optionsField()],
);
