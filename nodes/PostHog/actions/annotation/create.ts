import {
	updateDisplayOptions,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INodePropertyOptions,
} from 'n8n-workflow';
import { requireText } from '../../shared/validation';
import { clock } from '../../transport/timing';
import { isoUtc, readDateTime } from '../shared/dates';
import { additionalFieldsField, optionsField } from '../shared/descriptions';
import { annotationDateField, annotationScopeField } from './fields';

type CreateFields = { scope?: string; creationType?: string };

/**
 * preSend: PostHog has no default for `date_marker` (an annotation without one sits on no chart)
 * and defaults `scope` to `dashboard_item`, attached to no insight (docs/posthog-api-part2.md
 * §9.3, §11), so both are always sent: now, and the project.
 */
async function sendNewAnnotation(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const content = requireText(this, 'content', 'Content');
	const date_marker = readDateTime(this, 'additionalFields.date', 'Date') ?? isoUtc(clock.now());
	const fields = this.getNodeParameter('additionalFields', {}) as CreateFields;
	return {
		...requestOptions,
		body: {
			content,
			date_marker,
			scope: fields.scope || 'project',
			creation_type: fields.creationType || 'USR',
		},
	};
}

// A POST is never retried after a server error or a dropped connection (transport/retry.ts):
// PostHog has no idempotency here, and a second attempt would add a second marker.
export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create an annotation',
	description: 'Mark a moment on the project’s charts, such as a deploy or a campaign launch',
	routing: {
		request: { method: 'POST', url: '/api/projects/{projectId}/annotations/' },
		send: { preSend: [sendNewAnnotation] },
	},
};

export const toolDescription =
	'Create an annotation: a note on the project’s charts at a point in time, e.g. a deploy or a launch. Returns the annotation (id, content, date_marker, scope). Date: ISO 8601; without a time zone it is read in the workflow’s time zone; empty means now. Scope project (default) or organization (shown in every project). Never retried after a server error: PostHog has no idempotency for annotations.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['annotation'], operation: ['create'] } },
	[
		{
			displayName: 'Content',
			name: 'content',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. Deployed v1.4.3',
			description: 'The text shown on the charts',
		},
		additionalFieldsField(
			{
				displayName: 'Creation Type',
				name: 'creationType',
				type: 'options',
				options: [
					{
						name: 'Bot or Deployment',
						value: 'GIT',
						description: 'A marker sent by CI or another tool',
					},
					{ name: 'User', value: 'USR', description: 'A note written by a person' },
				],
				default: 'USR',
				description: 'Who the annotation comes from',
			},
			annotationDateField(
				'The moment to mark; now when empty. A date without a time zone is read in the workflow’s time zone.',
			),
			annotationScopeField(),
		),
		optionsField(),
	],
);
