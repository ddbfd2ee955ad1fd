import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INodePropertyOptions,
} from 'n8n-workflow';
import { requireText } from '../../shared/validation';
import { optionsField, updateFieldsField, updateFieldsOf } from '../shared/descriptions';
import { hogQlInsightQuery } from '../shared/hogql';
import { insightLocator } from '../shared/insightLocator';
import { hogQlInsightField, insightDescriptionField, insightNameField } from './fields';
import { explainMissingResult } from './result';

/** The PATCH body: only the fields added under Update Fields; PostHog leaves the rest as is. */
async function sendChangedFields(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const given = updateFieldsOf<IDataObject>(this);
	const body: IDataObject = {};
	if ('name' in given) body.name = String(given.name ?? '');
	if ('description' in given) body.description = String(given.description ?? '');
	if ('hogQl' in given)
		body.query = hogQlInsightQuery(requireText(this, 'updateFields.hogQl', 'HogQL'));
	return { ...requestOptions, body };
}

export const option: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update an insight',
	description: 'Change the name, description or HogQL query of an insight',
	routing: {
		request: { method: 'PATCH', url: '/api/projects/{projectId}/insights/{insightId}/' },
		send: { preSend: [sendChangedFields] },
		output: { postReceive: [explainMissingResult] },
	},
};

export const toolDescription =
	'Update an insight by numeric ID or URL: only the fields given change (name, description, HogQL query). Returns the insight.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['insight'], operation: ['update'] } },
	[
		insightLocator('The insight to update'),
		updateFieldsField(insightDescriptionField(), hogQlInsightField(false), insightNameField()),
		optionsField(),
	],
);
