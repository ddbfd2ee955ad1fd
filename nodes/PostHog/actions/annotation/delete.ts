import { updateDisplayOptions, type INodePropertyOptions } from 'n8n-workflow';
import { optionsField } from '../shared/descriptions';
import { annotationIdField } from './fields';

// DELETE is refused with 405: PostHog deletes annotations softly (docs/posthog-api-part2.md §9.1).
export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete an annotation',
	description: 'Delete an annotation (PostHog keeps it as deleted)',
	routing: {
		request: {
			method: 'PATCH',
			url: '/api/projects/{projectId}/annotations/{annotationId}/',
			body: { deleted: true },
		},
	},
};

export const toolDescription =
	'Delete an annotation by its numeric ID (PostHog soft-deletes it; the output is the annotation with deleted: true).';

export const fields = updateDisplayOptions(
	{ show: { resource: ['annotation'], operation: ['delete'] } },
	[annotationIdField(), optionsField()],
);
