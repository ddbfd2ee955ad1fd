import { updateDisplayOptions, type INodePropertyOptions } from 'n8n-workflow';
import { limitField, optionsField, returnAllField } from '../shared/descriptions';
import { pagedBy } from '../shared/operations';
import { followOffsetPages } from '../shared/pagination';
import { cohortLocator } from './fields';

// Needs person:read as well as cohort:read; a dynamic cohort lists its last calculated
// members, none before its first calculation (docs/posthog-api-part3.md §1).
export const option: INodePropertyOptions = {
	name: 'Get Persons',
	value: 'getPersons',
	action: 'Get the persons of a cohort',
	description: 'List the persons in a cohort, newest first',
	routing: {
		request: { method: 'GET', url: '/api/projects/{projectId}/cohorts/{cohortId}/persons/' },
		operations: pagedBy(followOffsetPages),
	},
};

export const toolDescription =
	'List the persons in a cohort (by numeric ID or URL), newest first, one item per person: uuid, distinct_ids, properties (e.g. properties.email). A dynamic cohort lists its last calculated members. Use Limit to keep the output small.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['cohort'], operation: ['getPersons'] } },
	[cohortLocator(), returnAllField(), limitField(), optionsField()],
);
