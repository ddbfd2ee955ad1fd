import {
	updateDisplayOptions,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INodePropertyOptions,
} from 'n8n-workflow';
import { optionsField } from '../shared/descriptions';
import { personLocator, personUuidOf } from '../person/fields';
import { cohortLocator } from './fields';

/** preSend: the person's UUID in the body, whatever the Person locator's mode. */
async function sendPersonId(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	return { ...requestOptions, body: { person_id: await personUuidOf(this) } };
}

export const option: INodePropertyOptions = {
	name: 'Remove Person',
	value: 'removePerson',
	action: 'Remove a person from a static cohort',
	description: 'Remove one person from a static cohort',
	routing: {
		request: {
			method: 'PATCH',
			url: '/api/projects/{projectId}/cohorts/{cohortId}/remove_person_from_static_cohort/',
		},
		send: { preSend: [sendPersonId] },
	},
};

export const toolDescription =
	'Remove one person (by UUID, distinct ID or URL) from a static cohort (by numeric ID or URL). Returns {success: true}. Dynamic cohorts refuse it.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['cohort'], operation: ['removePerson'] } },
	[cohortLocator(), personLocator(), optionsField()],
);
