// survey: list, get, stats, launch, stop, archive (never DELETE) and the responses, read with
// HogQL over `survey sent` events. docs/posthog-api-part3.md §3.
// Return All / Limit of the list: test/lists.test.js.
const { usePostHog, locator, SEED } = require('../helpers/posthog');
const { survey } = require('../helpers/operations');
const { addSurveyEvents } = require('../emulator/seed');

const posthog = usePostHog();
beforeEach(() => addSurveyEvents(posthog.emulator.state));

const BASE = '/api/projects/1/surveys/';
const { productFeedback, nps, oldPoll } = SEED.surveyIds;
const q = SEED.surveyQuestionIds;
const feedback = locator('id', productFeedback);
const surveyOf = (id) => posthog.emulator.state.surveys.find((s) => s.id === id);
const nodeNow = () => new Date(posthog.time.now()).toISOString().replace('.000Z', 'Z');
const hogQlOf = (request) => request.body.query;

describe('survey getAll, get and stats', () => {
	test('lists surveys newest first; Archived and Search are sent as PostHog’s archived and search', async () => {
		const all = await posthog.run(survey.getAll({ returnAll: true }));
		const live = await posthog.run(
			survey.getAll({ returnAll: true, filters: { archived: false, search: 'feed' } }),
		);

		expect(all.json.map((s) => s.id)).toEqual([productFeedback, nps, oldPoll]);
		expect(live.json.map((s) => s.name)).toEqual(['Product feedback']);
		expect(posthog.requests()[1].query).toEqual({
			archived: 'false',
			search: 'feed',
			limit: '100',
			offset: '0',
		});
	});

	test('gets a survey by URL with its questions', async () => {
		const { json, error } = await posthog.run(
			survey.get({
				surveyId: locator('url', `https://eu.posthog.com/project/1/surveys/${productFeedback}`),
			}),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([{ method: 'GET', path: `${BASE}${productFeedback}/` }]);
		expect(json[0].questions.map((question) => question.id)).toEqual([q.improve, q.features]);
	});

	test('an ID that is not a UUID is refused before any request, naming the parameter', async () => {
		const { error } = await posthog.run(survey.get({ surveyId: locator('id', '42') }));

		expect(error.message).toBe('Survey: "42" is not a survey UUID');
		expect(posthog.requests()).toEqual([]);
	});

	test('Get Stats sends the window with a time zone (a date without one in the workflow’s, New York) and outputs PostHog’s counts', async () => {
		const { json, error } = await posthog.run(
			survey.getStats({
				surveyId: feedback,
				filters: { dateFrom: '2025-02-02T00:00:00', dateTo: '2025-02-28T00:00:00Z' },
			}),
		);

		expect(error).toBeUndefined();
		expect(posthog.requests()[0].query).toEqual({
			date_from: '2025-02-02T05:00:00Z',
			date_to: '2025-02-28T00:00:00Z',
		});
		// Tom's and Maria's responses (Maria's two parts count once); Li's was on the 1st
		expect(json[0].stats['survey sent']).toMatchObject({ total_count: 2, unique_persons: 2 });
		expect(json[0].rates.response_rate).toBe(66.67);
	});

	test('the From List search leaves archived surveys out', async () => {
		const { results } = await posthog.callMethod('listSearch', 'searchSurveys', {}, ['']);

		expect(results.map((r) => r.name).sort()).toEqual(['NPS', 'Product feedback']);
		expect(posthog.requests()[0].query).toMatchObject({ archived: 'false' });
	});
});

describe('survey launch, stop and archive', () => {
	test('Launch sends start_date now; Stop sends end_date now', async () => {
		const launched = await posthog.run(survey.launch({ surveyId: locator('id', nps) }));
		const NOW = nodeNow();
		const stopped = await posthog.run(survey.stop({ surveyId: locator('id', nps) }));

		expect(launched.error).toBeUndefined();
		expect(stopped.error).toBeUndefined();
		posthog.expectReceived([
			{ method: 'PATCH', path: `${BASE}${nps}/`, body: { start_date: NOW } },
			{ method: 'PATCH', path: `${BASE}${nps}/`, body: { end_date: NOW } },
		]);
		expect(Date.parse(surveyOf(nps).start_date)).toBe(Date.parse(NOW));
		expect(Date.parse(surveyOf(nps).end_date)).toBe(Date.parse(NOW));
		expect(stopped.json[0].id).toBe(nps);
	});

	test('Archive sends PATCH {archived: true} and the survey stays in PostHog', async () => {
		const { json, error } = await posthog.run(survey.archive({ surveyId: feedback }));

		expect(error).toBeUndefined();
		posthog.expectReceived([
			{ method: 'PATCH', path: `${BASE}${productFeedback}/`, body: { archived: true } },
		]);
		expect(posthog.requests().some((r) => r.method === 'DELETE')).toBe(false);
		expect(surveyOf(productFeedback).archived).toBe(true);
		expect(json[0].archived).toBe(true);
	});

	test('an unknown survey is PostHog’s 404, as an error of the item', async () => {
		const { error } = await posthog.run(
			survey.launch({ surveyId: locator('id', '0194b2c0-c3d4-7e5f-8a6b-0000000000ff') }),
		);

		expect(error.httpCode).toBe('404');
	});
});

describe('survey getResponses', () => {
	test('one item per response, newest first: a partial response once with its latest answers, answers keyed by question text and ID', async () => {
		const { json, error } = await posthog.run(
			survey.getResponses({ surveyId: feedback, returnAll: true }),
		);

		expect(error).toBeUndefined();
		expect(json.map((r) => r.distinctId)).toEqual([
			'maria@acme.com',
			'tom@acme.com',
			'li@globex.com',
		]);
		expect(json[0]).toEqual({
			surveyId: productFeedback,
			surveyName: 'Product feedback',
			submissionId: 'sub-maria',
			distinctId: 'maria@acme.com',
			personId: SEED.personIds.maria,
			submittedAt: '2025-02-03T10:01:00Z',
			completed: true,
			answers: {
				'What could we improve?': 'Faster exports',
				'Which features do you use?': ['Insights', 'Feature flags'],
			},
			answersByQuestionId: {
				[q.improve]: 'Faster exports',
				[q.features]: ['Insights', 'Feature flags'],
			},
		});
	});

	test('answers an older SDK wrote under index keys, and to a question removed since, come out readable', async () => {
		const { json } = await posthog.run(
			survey.getResponses({ surveyId: feedback, returnAll: true }),
		);
		const tom = json.find((r) => r.distinctId === 'tom@acme.com');
		const li = json.find((r) => r.distinctId === 'li@globex.com');

		expect(tom.answers).toEqual({
			'What could we improve?': 'Dark mode',
			'Which features do you use?': ['Insights'],
		});
		expect(tom.submissionId).toBeNull();
		expect(li.answers).toEqual({
			'What could we improve?': 'More integrations',
			'Which features do you use?': null,
			'How did you hear about us?': 'A friend',
		});
		expect(li.answersByQuestionId[q.heardFrom]).toBe('A friend');
	});

	test('a response archived in PostHog is left out, all its parts; on a server without the list (404) none is', async () => {
		const state = posthog.emulator.state;
		const mariaLatest = state.events.find(
			(e) => e.event === 'survey sent' && e.timestamp === '2025-02-03T10:01:00Z',
		);
		state.surveyArchivedResponses[productFeedback] = [mariaLatest.uuid];

		const { json } = await posthog.run(
			survey.getResponses({ surveyId: feedback, returnAll: true }),
		);
		state.surveyArchivedResponses = null;
		const { json: all } = await posthog.run(
			survey.getResponses({ surveyId: feedback, returnAll: true }),
		);

		expect(json.map((r) => r.distinctId)).toEqual(['tom@acme.com', 'li@globex.com']);
		expect(all.map((r) => r.distinctId)).toEqual([
			'maria@acme.com',
			'tom@acme.com',
			'li@globex.com',
		]);
	});

	test('reads the survey and its archived responses, then one HogQL query of its survey sent events from its launch, as keyset pages (no OFFSET)', async () => {
		await posthog.run(survey.getResponses({ surveyId: feedback, limit: 1 }));

		const [read, archived, query] = posthog.requests();
		expect(read).toMatchObject({ method: 'GET', path: `${BASE}${productFeedback}/` });
		expect(archived).toMatchObject({
			method: 'GET',
			path: `${BASE}${productFeedback}/archived-response-uuids/`,
		});
		expect(query).toMatchObject({ method: 'POST', path: '/api/projects/1/query/' });
		expect(hogQlOf(query)).toMatchObject({
			kind: 'HogQLQuery',
			values: { survey: productFeedback, since: '2025-02-01T00:00:00Z' },
		});
		expect(hogQlOf(query).query).toMatch(/ORDER BY timestamp DESC LIMIT 1$/);
		expect(hogQlOf(query).query).not.toMatch(/OFFSET/);
		expect(posthog.requests()).toHaveLength(3);
	});

	test('with Limit 2, a page that holds one response in two parts asks for the next page', async () => {
		const { json } = await posthog.run(survey.getResponses({ surveyId: feedback, limit: 2 }));

		const queries = posthog.requests().filter((r) => r.path === '/api/projects/1/query/');
		expect(json.map((r) => r.distinctId)).toEqual(['maria@acme.com', 'tom@acme.com']);
		expect(queries).toHaveLength(2);
		expect(hogQlOf(queries[1]).values.before).toBe('2025-02-03T10:00:00Z');
	});

	test('pages until PostHog has no more, without a response twice, even where PostHog refuses OFFSET', async () => {
		posthog.emulator.state.personalKeyOffsetBlocked = true;
		const state = posthog.emulator.state;
		const template = state.events.find(
			(e) => e.event === 'survey sent' && e.distinct_id === 'tom@acme.com',
		);
		// 5,100 more responses, 12 of them at the same instant as the page boundary may fall
		for (let n = 0; n < 5100; n++) {
			state.events.push({
				...template,
				uuid: `0194b2cf-c3d4-7e5f-8a6b-${n.toString(16).padStart(12, '0')}`,
				timestamp:
					n < 12
						? '2025-02-10T00:00:00Z'
						: `2025-02-${String(11 + (n % 15)).padStart(2, '0')}T00:00:${String(n % 60).padStart(2, '0')}Z`,
				properties: { ...template.properties, $survey_submission_id: `bulk-${n}` },
			});
		}

		const { json, error } = await posthog.run(
			survey.getResponses({ surveyId: feedback, returnAll: true }),
		);

		expect(error).toBeUndefined();
		expect(json).toHaveLength(5103);
		expect(new Set(json.map((r) => r.submissionId ?? r.distinctId)).size).toBe(5103);
		const queries = posthog.requests().filter((r) => r.path === '/api/projects/1/query/');
		expect(queries).toHaveLength(2);
		expect(hogQlOf(queries[1]).values.before).toBe(json[4999].submittedAt);
	});

	test('Since is sent in UTC, read in the workflow’s time zone (New York)', async () => {
		const { json } = await posthog.run(
			survey.getResponses({
				surveyId: feedback,
				returnAll: true,
				filters: { since: '2025-02-02T03:00:00' },
			}),
		);

		expect(hogQlOf(posthog.requests()[2]).values.since).toBe('2025-02-02T08:00:00Z');
		expect(json.map((r) => r.distinctId)).toEqual(['maria@acme.com', 'tom@acme.com']);
	});
});
