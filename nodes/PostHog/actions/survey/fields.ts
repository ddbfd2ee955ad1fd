import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { locatorField } from '../shared/descriptions';
import { requireUuidId, type LocatorUrl } from '../../shared/locator';
import { fillPlaceholder, type PreSend } from '../../shared/placeholder';
import { clock } from '../../transport/timing';
import { isoUtc } from '../shared/dates';

export const SURVEY_URL: LocatorUrl = {
	pattern: /\/surveys\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i,
	shape: '…/project/ID/surveys/SURVEY_UUID',
};

/** The survey's UUID for the current item; anything else is refused before a request. */
export const surveyIdOf = (context: IExecuteSingleFunctions) =>
	requireUuidId(context, 'surveyId', 'Survey', 'survey', SURVEY_URL);

const fillSurveyId = fillPlaceholder('surveyId', surveyIdOf);

/** The Survey locator; it fills the `{surveyId}` of the operation's URL. */
export function surveyLocator(): INodeProperties {
	return locatorField({
		displayName: 'Survey',
		name: 'surveyId',
		search: 'searchSurveys',
		idPlaceholder: 'e.g. 0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
		urlPlaceholder:
			'e.g. https://us.posthog.com/project/12345/surveys/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
		fill: fillSurveyId,
	});
}

/**
 * preSend for launch and stop: the survey's `start_date` or `end_date` set to now. PostHog's
 * `launch/` and `stop/` actions exist only on the newest servers; a PATCH works on all
 * (docs/posthog-api-part3.md §3).
 */
export function sendNowAs(field: 'start_date' | 'end_date'): PreSend {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		return { ...requestOptions, body: { [field]: isoUtc(clock.now()) } };
	};
}
