import type { IDataObject } from 'n8n-workflow';

/** A question as the survey holds it now. */
export type SurveyQuestion = { id?: unknown; question?: unknown };

/** One `survey sent` event, as the responses query reads it. */
export type SurveySentRow = {
	uuid: string;
	distinctId: string;
	personId: unknown;
	timestamp: string;
	properties: IDataObject;
};

const EMPTY = (value: unknown) =>
	value === undefined ||
	value === null ||
	value === '' ||
	(Array.isArray(value) && value.length === 0);

const answerOr = (value: unknown) => (EMPTY(value) ? undefined : value);

/** The key legacy SDKs wrote the answer to question `index` under (docs/posthog-api-part3.md §3). */
const indexKey = (index: number) =>
	index === 0 ? '$survey_response' : `$survey_response_${index}`;

const ID_KEY =
	/^\$survey_response_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** Question texts by ID from the event's own snapshot of the questions (newer SDKs). */
function snapshotTexts(properties: IDataObject): Map<string, string> {
	const snapshot = Array.isArray(properties.$survey_questions) ? properties.$survey_questions : [];
	return new Map(
		snapshot.flatMap((entry) => {
			const { id, question } = (entry ?? {}) as IDataObject;
			return typeof id === 'string' && typeof question === 'string' ? [[id, question]] : [];
		}),
	);
}

/** A key not yet used in `answers`: a second question with the same text gets " (2)". */
function freeKey(answers: IDataObject, text: string): string {
	let key = text;
	for (let n = 2; key in answers; n++) key = `${text} (${n})`;
	return key;
}

/**
 * One response as a row a user can map: each answer keyed by its question's text and by its
 * question ID. PostHog reads an answer from `$survey_response_<question id>` first and from the
 * legacy index key second; every question of the survey gets a key (null when unanswered), and
 * answers to questions removed since (by ID, in the event) keep the text the event recorded.
 */
export function responseOf(
	survey: { id: string; name?: unknown; questions: SurveyQuestion[] },
	row: SurveySentRow,
	submissionId: string | null,
): IDataObject {
	const { properties } = row;
	const texts = snapshotTexts(properties);
	const answers: IDataObject = {};
	const answersByQuestionId: IDataObject = {};
	const asked = new Set<string>();
	survey.questions.forEach((question, index) => {
		const id = String(question.id ?? index);
		asked.add(id);
		const answer =
			answerOr(properties[`$survey_response_${id}`]) ?? answerOr(properties[indexKey(index)]);
		const text = typeof question.question === 'string' ? question.question : id;
		answers[freeKey(answers, text)] = answer ?? null;
		answersByQuestionId[id] = answer ?? null;
	});
	for (const [key, value] of Object.entries(properties)) {
		const id = ID_KEY.exec(key)?.[1];
		if (!id || asked.has(id) || EMPTY(value)) continue;
		answers[freeKey(answers, texts.get(id) ?? id)] = value;
		answersByQuestionId[id] = value;
	}
	return {
		surveyId: survey.id,
		surveyName: typeof survey.name === 'string' ? survey.name : null,
		submissionId,
		distinctId: row.distinctId,
		personId: (row.personId as string | null | undefined) ?? null,
		submittedAt: row.timestamp,
		completed: properties.$survey_completed ?? null,
		answers,
		answersByQuestionId,
	};
}
