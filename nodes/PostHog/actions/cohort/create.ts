import {
	updateDisplayOptions,
	type DeclarativeRestApiSettings,
	type IDataObject,
	type IExecutePaginationFunctions,
	type INodeExecutionData,
	type INodePropertyOptions,
} from 'n8n-workflow';
import { requireText } from '../../shared/validation';
import { sendRoutedRequest } from '../../transport/request';
import { additionalFieldsField, optionsField } from '../shared/descriptions';
import { sendsOwnRequests } from '../shared/operations';
import { toItems } from '../shared/output';
import { personListFields, personUuidsOf, readPersonList } from '../person/personList';

/**
 * `POST cohorts/ {name, is_static: true, description?, _create_static_person_ids?}`: a static
 * cohort, with its first members in the same request (person UUIDs only; distinct IDs are
 * looked up first, docs/posthog-api-part3.md §1). Never retried after a server error.
 */
async function createStaticCohort(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const name = requireText(this, 'name', 'Name');
	const fields = this.getNodeParameter('additionalFields', {}) as IDataObject;
	const body: IDataObject = { name, is_static: true };
	if (fields.description) body.description = fields.description;
	let notFound: string[] | undefined;
	if (fields.personIds !== undefined) {
		const persons = await personUuidsOf(this, readPersonList(this, 'additionalFields.'));
		body._create_static_person_ids = persons.uuids;
		notFound = persons.notFound;
	}
	const [cohort] = await sendRoutedRequest.call(this, {
		...requestData,
		options: { ...requestData.options, body },
	});
	return toItems(this, [{ ...cohort?.json, ...(notFound ? { notFound } : {}) }]);
}

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a static cohort',
	description: 'Create a static cohort, optionally with its first persons',
	routing: {
		request: { method: 'POST', url: '/api/projects/{projectId}/cohorts/' },
		operations: sendsOwnRequests(createStaticCohort),
	},
};

export const toolDescription =
	'Create a static cohort (a group of persons added by hand) with a name, and optionally its first persons, given as person UUIDs or distinct IDs (a comma- or newline-separated list, or an array). Returns the cohort (id, name, count); distinct IDs that match no person are listed in notFound.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['cohort'], operation: ['create'] } },
	[
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. CRM: enterprise accounts',
			description: 'The cohort’s name in PostHog',
		},
		additionalFieldsField(
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				default: '',
				description: 'What the cohort is for',
			},
			...personListFields().map((field) => ({ ...field, required: false })),
		),
		optionsField(),
	],
);
