import type { IDataObject } from 'n8n-workflow';
import { responseOf, type SurveyQuestion } from '../../shared/surveyAnswers';
import { oneOrEvery, propertiesOf, type TriggerKind } from './kind';
import { pickerField } from '../../shared/locator';
import { pickedId } from './locators';
import { textOrNull as text } from './text';

const SURVEY_SENT = 'survey sent';

/** The questions as the event's own snapshot lists them (newer SDKs: `{id, question}`). */
const questionsIn = (properties: IDataObject): SurveyQuestion[] =>
	Array.isArray(properties.$survey_questions)
		? (properties.$survey_questions as unknown[]).map((entry) =>
				typeof entry === 'string' ? { question: entry } : ((entry ?? {}) as SurveyQuestion),
			)
		: [];

/**
 * A survey answered: `survey sent` is an ordinary captured event, so a `destination` on it, for
 * one survey by its `$survey_id` property or for every survey (docs/posthog-api-part3.md §3; docs/instant-trigger.md §1, §2). The
 * answers are read as Survey → Get Responses reads them, with the questions the event recorded.
 */
export const surveyResponseKind: TriggerKind = {
	option: {
		name: 'Survey Response',
		value: 'surveyResponse',
		description: 'Someone answers a survey',
	},
	fields: [
		pickerField({
			displayName: 'Survey',
			name: 'surveyId',
			search: 'searchSurveys',
			idPlaceholder: 'e.g. 0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
			description: 'The survey whose responses start the workflow; leave empty for every survey',
			optional: true,
		}),
	],
	subscription: (context) => ({
		type: 'destination',
		filters: oneOrEvery(SURVEY_SENT, '$survey_id', pickedId(context, 'surveyId')),
	}),
	summary: {
		key: 'survey',
		of(delivery) {
			const properties = propertiesOf(delivery);
			const submissionId = text(properties.$survey_submission_id);
			const { surveyId, surveyName, answers, answersByQuestionId, completed } = responseOf(
				{
					id: text(properties.$survey_id) ?? '',
					name: properties.$survey_name,
					questions: questionsIn(properties),
				},
				{
					uuid: String(delivery.event?.uuid ?? ''),
					distinctId: String(delivery.event?.distinct_id ?? ''),
					personId: delivery.person?.id ?? null,
					timestamp: String(delivery.event?.timestamp ?? ''),
					properties,
				},
				submissionId,
			);
			return {
				id: surveyId,
				name: surveyName,
				submissionId,
				completed,
				answers,
				answersByQuestionId,
			};
		},
	},
};
