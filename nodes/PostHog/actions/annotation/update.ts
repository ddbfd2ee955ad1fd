import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INodePropertyOptions,
} from 'n8n-workflow';
import { invalidParameter } from '../../shared/validation';
import { readDateTime } from '../shared/dates';
import { optionsField, updateFieldsField, updateFieldsOf } from '../shared/descriptions';
import { annotationDateField, annotationIdField, annotationScopeField } from './fields';

type UpdateFields = { content?: string; date?: unknown; scope?: string };

/** preSend: only the fields given, the date in UTC (docs/posthog-api-part3.md §8). */
async function sendChangedFields(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const fields = updateFieldsOf<UpdateFields>(this);
	const body: IDataObject = {};
	if ('content' in fields) {
		if (!String(fields.content ?? '').trim())
			throw invalidParameter(this, 'Content', 'must not be empty');
		body.content = fields.content;
	}
	if ('date' in fields) {
		const date = readDateTime(this, 'updateFields.date', 'Date');
		if (date === undefined) throw invalidParameter(this, 'Date', 'must not be empty');
		body.date_marker = date;
	}
	if ('scope' in fields) body.scope = fields.scope;
	return { ...requestOptions, body };
}

// PATCHing an organization-wide annotation through another project moves it to that project
// (docs/posthog-api-part2.md §11.4): change it in the project it was made in.
export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update an annotation',
	description: 'Change the text, date or scope of an annotation; only the fields given change',
	routing: {
		request: { method: 'PATCH', url: '/api/projects/{projectId}/annotations/{annotationId}/' },
		send: { preSend: [sendChangedFields] },
	},
};

export const toolDescription =
	'Update an annotation by its numeric ID: only the fields given change. Content (the text on the charts), Date (ISO 8601; without a time zone it is read in the workflow’s time zone), Scope (project or organization). Returns the annotation.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['annotation'], operation: ['update'] } },
	[
		annotationIdField(),
		updateFieldsField(
			{
				displayName: 'Content',
				name: 'content',
				type: 'string',
				default: '',
				placeholder: 'e.g. Deployed v1.4.3 (rolled back)',
				description: 'The text shown on the charts',
			},
			annotationDateField(
				'The moment to mark. A date without a time zone is read in the workflow’s time zone.',
			),
			annotationScopeField(),
		),
		optionsField(),
	],
);
