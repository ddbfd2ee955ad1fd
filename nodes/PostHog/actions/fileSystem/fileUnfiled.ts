import { updateDisplayOptions, type INodePropertyOptions } from 'n8n-workflow';
import { optionsField } from '../shared/descriptions';
import { typeFilterField } from './fields';

// A GET that writes: it creates entries under Unfiled/ for objects that have none (docs/posthog-api.md §1.7).
export const option: INodePropertyOptions = {
	name: 'File Unfiled',
	value: 'fileUnfiled',
	action: 'File unfiled items',
	description: 'Give every object without a place in the tree an entry under the Unfiled folder',
	routing: {
		request: { method: 'GET', url: '/api/projects/{projectId}/file_system/unfiled/' },
	},
};

export const toolDescription =
	'Create tree entries under Unfiled/ for every object (insight, dashboard, feature flag, ...) that has no place in the project tree yet, optionally of one type only. Returns how many entries were created. It writes, although PostHog serves it as a GET.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['fileSystem'], operation: ['fileUnfiled'] } },
	[typeFilterField(), optionsField()],
);
