import {
	updateDisplayOptions,
	type DeclarativeRestApiSettings,
	type IExecutePaginationFunctions,
	type INodeExecutionData,
	type INodePropertyOptions,
} from 'n8n-workflow';
import { sendRoutedRequest } from '../../transport/request';
import { optionsField } from '../shared/descriptions';
import { sendsOwnRequests } from '../shared/operations';
import { toItems } from '../shared/output';
import { personListFields, personUuidsOf, readPersonList } from '../person/personList';
import { cohortLocator } from './fields';

/** The most person UUIDs one add request takes (DEFAULT_COHORT_INSERT_BATCH_SIZE, part 3 §1). */
const MAX_PERSONS_PER_REQUEST = 1000;

/**
 * `PATCH add_persons_to_static_cohort/ {person_ids}` in requests of at most 1,000 UUIDs, one
 * after another; distinct IDs are looked up first, and those that match no person are reported,
 * never sent. PostHog says only `{success: true}` and skips unknown UUIDs silently: `added`
 * counts the UUIDs sent.
 */
async function addInBatches(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const { uuids, notFound } = await personUuidsOf(this, readPersonList(this));
	for (let start = 0; start < uuids.length; start += MAX_PERSONS_PER_REQUEST) {
		const person_ids = uuids.slice(start, start + MAX_PERSONS_PER_REQUEST);
		await sendRoutedRequest.call(this, {
			...requestData,
			options: { ...requestData.options, body: { person_ids } },
		});
	}
	const cohort = (requestData.options.url ?? '').match(/\/cohorts\/(\d+)\//)?.[1];
	return toItems(this, [{ success: true, cohort: Number(cohort), added: uuids.length, notFound }]);
}

export const option: INodePropertyOptions = {
	name: 'Add Persons',
	value: 'addPersons',
	action: 'Add persons to a static cohort',
	description: 'Add persons to a static cohort, 1,000 a request, by UUID or distinct ID',
	routing: {
		request: {
			method: 'PATCH',
			url: '/api/projects/{projectId}/cohorts/{cohortId}/add_persons_to_static_cohort/',
		},
		operations: sendsOwnRequests(addInBatches),
	},
};

export const toolDescription =
	'Add persons to a static cohort (by numeric ID or URL), given as person UUIDs or distinct IDs (a comma- or newline-separated list, or an array), 1,000 per request. Returns {success, cohort, added, notFound}: distinct IDs that match no person are in notFound and not sent. Dynamic cohorts refuse it.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['cohort'], operation: ['addPersons'] } },
	[cohortLocator(), ...personListFields(), optionsField()],
);
