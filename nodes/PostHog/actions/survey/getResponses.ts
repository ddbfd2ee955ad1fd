import {
	NodeApiError,
	updateDisplayOptions,
	type DeclarativeRestApiSettings,
	type IDataObject,
	type IExecutePaginationFunctions,
	type INodeExecutionData,
	type INodePropertyOptions,
	type JsonObject,
} from 'n8n-workflow';
import { projectIdOf } from '../../shared/project';
import { postHogRequest, sendRoutedRequest } from '../../transport/request';
import { errorCode } from '../../transport/retry';
import { limits } from '../../transport/timing';
import { readDateTime } from '../shared/dates';
import { filtersField, limitField, optionsField, returnAllField } from '../shared/descriptions';
import { sendsOwnRequests } from '../shared/operations';
import { toItems } from '../shared/output';
import { maxResultsOf, tooManyItems } from '../shared/pagination';
import { responseOf, type SurveyQuestion, type SurveySentRow } from '../../shared/surveyAnswers';
import { surveyIdOf, surveyLocator } from './fields';

/**
 * Rows per query. Each page is one HogQL query, and PostHog Cloud allows 120 an hour, so pages
 * are large; a row carries the event's properties.
 */
const ROWS_PER_QUERY = 5000;

/**
 * Responses are `survey sent` events, newest first. Pages are keyset pages on `timestamp`, as
 * PostHog asks of personal API keys (OFFSET is refused for them): the next page takes events at
 * or before the oldest timestamp seen, skipping those already read (docs/posthog-api-part3.md §3).
 * HogQL's `toDateTime` of a text is `parseDateTime64BestEffortOrNull`: microseconds and the `Z`
 * are kept (posthog/hogql/functions/mapping.py).
 */
const RESPONSES_QUERY = (since: boolean, before: boolean, rows: number) =>
	[
		'SELECT uuid, distinct_id, person_id, timestamp, properties FROM events',
		"WHERE event = 'survey sent' AND properties.$survey_id = {survey}",
		since ? 'AND timestamp >= toDateTime({since})' : '',
		before ? 'AND timestamp <= toDateTime({before})' : '',
		`ORDER BY timestamp DESC LIMIT ${rows}`,
	]
		.filter(Boolean)
		.join(' ');

/**
 * The responses archived in PostHog's survey view (`survey sent` event UUIDs), left out as
 * PostHog's own results leave them; none on a server without the endpoint (404).
 */
async function archivedResponsesOf(
	context: IExecutePaginationFunctions,
	surveyId: string,
): Promise<Set<string>> {
	try {
		const uuids = await postHogRequest<unknown>(context, {
			method: 'GET',
			url: `/api/projects/${projectIdOf(context)}/surveys/${surveyId}/archived-response-uuids/`,
		});
		return new Set(Array.isArray(uuids) ? uuids.map(String) : []);
	} catch (error) {
		if (errorCode(error) === '404') return new Set();
		throw new NodeApiError(context.getNode(), error as JsonObject);
	}
}

type Survey = { id: string; name: unknown; questions: SurveyQuestion[]; start_date?: unknown };

function rowOf(columns: string[], values: unknown[]): SurveySentRow {
	const cell = (name: string) => values[columns.indexOf(name)];
	const properties = cell('properties');
	return {
		uuid: String(cell('uuid')),
		distinctId: String(cell('distinct_id') ?? ''),
		personId: cell('person_id'),
		timestamp: String(cell('timestamp')),
		properties: (typeof properties === 'string'
			? JSON.parse(properties || '{}')
			: (properties ?? {})) as IDataObject,
	};
}

/**
 * One item per response: the survey read first (its questions name the answers), and its
 * archived responses, then its `survey sent` events page by page. A partial response sends several events with one
 * `$survey_submission_id`; only the newest counts, as in PostHog's own results.
 */
async function readResponses(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const surveyId = surveyIdOf(this);
	const survey = await postHogRequest<Survey>(this, {
		method: 'GET',
		url: `/api/projects/${projectIdOf(this)}/surveys/${surveyId}/`,
	});
	const questions = Array.isArray(survey.questions) ? survey.questions : [];
	const archived = await archivedResponsesOf(this, surveyId);
	// Without Since, from the survey's launch: no response is older.
	const since =
		readDateTime(this, 'filters.since', 'Since') ??
		(typeof survey.start_date === 'string' ? survey.start_date : undefined);
	const maxResults = maxResultsOf(requestData);
	const rows = Math.min(ROWS_PER_QUERY, maxResults);
	const responses: IDataObject[] = [];
	const submissions = new Set<string>();
	const seenEvents = new Set<string>();
	let before: string | undefined;
	for (let pages = 0; pages < limits.maxPages; pages++) {
		const body = {
			query: {
				kind: 'HogQLQuery',
				query: RESPONSES_QUERY(since !== undefined, before !== undefined, rows),
				values: { survey: surveyId, ...(since ? { since } : {}), ...(before ? { before } : {}) },
			},
			refresh: 'force_blocking',
		};
		const [answer] = await sendRoutedRequest.call(this, {
			...requestData,
			options: { ...requestData.options, body },
		});
		const columns = ((answer?.json.columns as unknown[]) ?? []).map(String);
		const results = (answer?.json.results as unknown[][] | undefined) ?? [];
		let fresh = 0;
		for (const values of results) {
			const row = rowOf(columns, values);
			if (seenEvents.has(row.uuid)) continue;
			seenEvents.add(row.uuid);
			fresh++;
			before = row.timestamp;
			const submission = row.properties.$survey_submission_id;
			const submissionId = typeof submission === 'string' && submission ? submission : null;
			if (submissionId && submissions.has(submissionId)) continue; // an older part of it
			if (submissionId) submissions.add(submissionId);
			if (archived.has(row.uuid)) continue;
			responses.push(responseOf({ ...survey, id: surveyId, questions }, row, submissionId));
			if (responses.length >= maxResults) return toItems(this, responses);
		}
		if (responses.length > limits.maxOutputItems) throw tooManyItems(this);
		if (results.length < rows || fresh === 0) return toItems(this, responses);
	}
	return toItems(this, responses);
}

export const option: INodePropertyOptions = {
	name: 'Get Responses',
	value: 'getResponses',
	action: 'Get the responses of a survey',
	description:
		'List a survey’s responses, newest first, with each answer keyed by its question. Reads with HogQL: counts against PostHog’s limit of 120 queries an hour.',
	routing: {
		request: { method: 'POST', url: '/api/projects/{projectId}/query/' },
		operations: sendsOwnRequests(readResponses),
	},
};

export const toolDescription =
	'List the responses of a survey (by UUID or URL), newest first, one item per response: surveyId, surveyName, submissionId, distinctId, personId, submittedAt (ISO), completed, answers (keyed by question text; a multiple-choice answer is an array; an unanswered question is null) and answersByQuestionId. A partial response counts once, with its latest answers; responses archived in PostHog are left out. Since (ISO 8601) reads only newer responses; without it, all since launch. Each call runs HogQL queries (5,000 responses each), which PostHog limits to 120 an hour: use Since and Limit.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['survey'], operation: ['getResponses'] } },
	[
		surveyLocator(),
		returnAllField(),
		limitField(),
		filtersField({
			displayName: 'Since',
			name: 'since',
			type: 'dateTime',
			default: '',
			description:
				'Only responses sent at or after this moment. Empty: every response since the survey was launched.',
		}),
		optionsField(),
	],
);
