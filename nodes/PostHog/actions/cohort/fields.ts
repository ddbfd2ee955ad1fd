import type { INodeProperties } from 'n8n-workflow';
import { locatorField } from '../shared/descriptions';
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
	return locatorField({
		displayName: 'Cohort',
		name: 'cohortId',
		description: 'The cohort: a saved group of persons',
		search: 'searchCohorts',
		idPlaceholder: 'e.g. 21',
		urlPlaceholder: 'e.g. https://us.posthog.com/project/12345/cohorts/21',
		fill: fillCohortId,
	});
}
