import type { INodeProperties } from 'n8n-workflow';
import { requireNumericId, type LocatorUrl } from '../../shared/locator';
import { fillPlaceholder } from '../../shared/placeholder';

export const COHORT_URL: LocatorUrl = {
	pattern: /\/cohorts\/(\d+)/,
	shape: '…/project/ID/cohorts/COHORT_ID',
};

/** The cohort's numeric ID: its routes take only that (docs/posthog-api-part3.md §1). */
const fillCohortId = fillPlaceholder('cohortId', (context) =>
	requireNumericId(context, 'cohortId', 'Cohort', 'cohort', COHORT_URL),
);

/** The Cohort locator; it fills the `{cohortId}` of the operation's URL. */
export function cohortLocator(): INodeProperties {
	return {
		displayName: 'Cohort',
		name: 'cohortId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The cohort: a saved group of persons',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchCohorts', searchable: true },
			},
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. 21' },
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: 'e.g. https://us.posthog.com/project/12345/cohorts/21',
			},
		],
		routing: { send: { preSend: [fillCohortId] } },
	};
}
