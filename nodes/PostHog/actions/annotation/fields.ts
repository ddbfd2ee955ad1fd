import type { INodeProperties } from 'n8n-workflow';
import { requireNumericId } from '../../shared/locator';
import { fillPlaceholder } from '../../shared/placeholder';

const fillAnnotationId = fillPlaceholder('annotationId', (context) =>
	requireNumericId(context, 'annotationId', 'Annotation ID', 'annotation'),
);

/** Annotation ID, which fills the `{annotationId}` of the operation's URL. */
export function annotationIdField(): INodeProperties {
	return {
		displayName: 'Annotation ID',
		name: 'annotationId',
		type: 'number',
		default: 0,
		required: true,
		description: 'ID of the annotation, as listed by Get Many',
		routing: { send: { preSend: [fillAnnotationId] } },
	};
}

/** The annotation's date, read in the workflow's time zone when it has none. */
export function annotationDateField(description: string): INodeProperties {
	return { displayName: 'Date', name: 'date', type: 'dateTime', default: '', description };
}

/** Where the annotation shows: PostHog's own default attaches it to no chart (part 2 §9.3). */
export function annotationScopeField(): INodeProperties {
	return {
		displayName: 'Scope',
		name: 'scope',
		type: 'options',
		options: [
			{
				name: 'Organization',
				value: 'organization',
				description: 'Shown on the charts of every project of the organization',
			},
			{
				name: 'Project',
				value: 'project',
				description: 'Shown on the charts of this project',
			},
		],
		default: 'project',
		description: 'Where the annotation shows',
	};
}
