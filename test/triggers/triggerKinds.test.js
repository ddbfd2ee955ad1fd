// Listen For: each kind's destination (the exact create request, the check on restart, the soft
// delete), PostHog's refusals explained with nothing left behind, and the item a delivery
// renders, shaped as PostHog's webhook template renders it (the emulator's CDP for captured
// events, its internal-events consumer for PostHog's own signals). docs/instant-trigger.md §1, §2.
const { SEED, failure } = require('../helpers/posthog');
const {
	useInstantTrigger,
	madeBefore,
	signedDestination,
	softDelete,
	FUNCTIONS,
} = require('../helpers/instantTriggers');

const t = useInstantTrigger();
const { posthog } = t;
const locator = (value, mode = 'list') => ({ __rl: true, mode, value });

/** Activates, checks (restart), deactivates: the three requests of a kind's lifecycle. */
async function lifecycle(parameters, expected) {
	const trigger = t.trigger(parameters);
	await trigger.activate();
	const { hogFunctionId, secret } = trigger.saved();
	posthog.expectReceived([
		madeBefore(),
		{ method: 'POST', path: FUNCTIONS, body: signedDestination(trigger.url(), secret, expected) },
	]);
	posthog.emulator.requests.length = 0;
	expect(await trigger.activate()).toEqual({ existed: true });
	await trigger.deactivate();
	posthog.expectReceived([
		{ method: 'GET', path: `${FUNCTIONS}${hogFunctionId}/` },
		softDelete(hogFunctionId),
	]);
	return trigger;
}

/** An activated trigger, PostHog's requests forgotten. */
async function activated(parameters) {
	const trigger = t.trigger(parameters);
	await trigger.activate();
	posthog.emulator.requests.length = 0;
	return trigger;
}

const onlyItem = () => {
	expect(t.receiver.deliveries).toHaveLength(1);
	const [{ items, answer }] = t.receiver.deliveries;
	expect(answer.status).toBe(200);
	expect(items).toHaveLength(1);
	return items[0];
};

describe('Listen For: Action Performed', () => {
	const parameters = { triggerOn: 'action', actionId: locator(String(SEED.actionIds.signedUp)) };

	test('a destination with the action as its filter; checked and removed like every kind', async () => {
		await lifecycle(parameters, {
			type: 'destination',
			filters: {
				actions: [{ id: String(SEED.actionIds.signedUp), name: '', type: 'actions', order: 0 }],
			},
		});
	});

	test('an event matching the action starts the workflow, with the chosen action in the item', async () => {
		await activated(parameters);
		await posthog.emulator.deliverEvent({ event: 'signed_up', distinct_id: 'maria@acme.com' });
		const item = onlyItem();
		expect(item.action).toEqual({ id: String(SEED.actionIds.signedUp) });
		expect(item.event).toMatchObject({ event: 'signed_up', distinct_id: 'maria@acme.com' });
		expect(item.person).toMatchObject({ id: SEED.personIds.maria });
		// an event the action does not match is not delivered
		t.receiver.deliveries.length = 0;
		await posthog.emulator.deliverEvent({ event: 'signup_failed', distinct_id: 'maria@acme.com' });
		expect(t.receiver.deliveries).toEqual([]);
	});

	test('an action PostHog does not know in this project: the filter refusal explained, nothing made', async () => {
		const trigger = t.trigger({ triggerOn: 'action', actionId: locator('999', 'id') });
		const error = await trigger.activate().catch((e) => e);
		expect(failure(error)).toEqual({
			message: 'PostHog refused the destination’s filter',
			httpCode: '400',
			description: expect.stringContaining('Action 999 does not exist'),
		});
		expect(trigger.saved()).toBeUndefined();
		expect(
			posthog.emulator.state.hogFunctions.filter((fn) => fn.inputs.url.value === trigger.url()),
		).toEqual([]);
	});

	test('an action ID that is not a number is refused before any request', async () => {
		const error = await t
			.trigger({ triggerOn: 'action', actionId: locator('signed up', 'id') })
			.activate()
			.catch((e) => e);
		expect(failure(error)).toMatchObject({
			message: 'Action: "signed up" is not a numeric action ID',
		});
		expect(posthog.requests()).toEqual([]);
	});
});

describe('Listen For: Error Tracking Issue', () => {
	const ISSUE = '0194c1aa-1111-7000-8000-00000000e001';
	const created = {
		event: '$error_tracking_issue_created',
		distinct_id: ISSUE,
		properties: {
			name: 'TypeError',
			description: "Cannot read properties of undefined (reading 'id')",
			status: 'active',
			fingerprint: 'f1e2d3',
			exception_timestamp: '2025-03-01T10:00:00Z',
			exception_props: { $exception_issue_id: ISSUE, $exception_types: ['TypeError'] },
		},
	};

	test('an internal destination on the chosen issue events only, created by default', async () => {
		await lifecycle(
			{ triggerOn: 'errorTrackingIssue' },
			{
				type: 'internal_destination',
				filters: {
					events: [
						{
							id: '$error_tracking_issue_created',
							name: '$error_tracking_issue_created',
							type: 'events',
							order: 0,
						},
					],
				},
			},
		);
		posthog.emulator.requests.length = 0;
		await lifecycle(
			{ triggerOn: 'errorTrackingIssue', issueEvents: ['spiking', 'reopened'] },
			{
				type: 'internal_destination',
				filters: {
					events: ['$error_tracking_issue_reopened', '$error_tracking_issue_spiking'].map(
						(id, order) => ({ id, name: id, type: 'events', order }),
					),
				},
			},
		);
	});

	test('a new issue starts the workflow with the issue summed up and a link to it', async () => {
		await activated({ triggerOn: 'errorTrackingIssue' });
		const [result] = await posthog.emulator.deliverInternalEvent(created);
		expect(result.statuses).toEqual([200]);
		const item = onlyItem();
		expect(item.issue).toEqual({
			id: ISSUE,
			name: 'TypeError',
			description: "Cannot read properties of undefined (reading 'id')",
			status: 'active',
			fingerprint: 'f1e2d3',
			url: `${posthog.emulator.url}/project/1/error_tracking/${ISSUE}`,
		});
		// internal events carry no person and no groups
		expect([item.person, item.groups]).toEqual([null, null]);
		expect(item.event).toMatchObject({ event: '$error_tracking_issue_created', url: '' });
		expect(item.project).toEqual({
			id: 1,
			name: expect.any(String),
			url: `${posthog.emulator.url}/project/1`,
		});
	});

	test('newer servers flatten the exception data and rename the description: read as well', async () => {
		await activated({ triggerOn: 'errorTrackingIssue', issueEvents: ['reopened'] });
		await posthog.emulator.deliverInternalEvent({
			event: '$error_tracking_issue_reopened',
			distinct_id: ISSUE,
			properties: {
				name: 'TypeError',
				issue_description: 'It is back',
				status: 'active',
				$exception_fingerprint: 'f1e2d3',
				$exception_issue_id: ISSUE,
			},
		});
		expect(onlyItem().issue).toMatchObject({ description: 'It is back', fingerprint: 'f1e2d3' });
	});

	test('issue events not chosen, and captured events, are not delivered to it', async () => {
		await activated({ triggerOn: 'errorTrackingIssue' });
		await posthog.emulator.deliverInternalEvent({
			...created,
			event: '$error_tracking_issue_spiking',
		});
		await posthog.emulator.deliverEvent({
			event: '$error_tracking_issue_created',
			distinct_id: 'x',
		});
		expect(t.receiver.deliveries).toEqual([]);
	});

	test('no issue event chosen is refused before any request', async () => {
		const error = await t
			.trigger({ triggerOn: 'errorTrackingIssue', issueEvents: [] })
			.activate()
			.catch((e) => e);
		expect(failure(error)).toMatchObject({ message: 'Issue Events: choose at least one' });
		expect(posthog.requests()).toEqual([]);
	});

	test('a PostHog without internal destinations: explained, nothing made', async () => {
		posthog.emulator.state.internalDestinations = false;
		const trigger = t.trigger({ triggerOn: 'errorTrackingIssue' });
		const error = await trigger.activate().catch((e) => e);
		expect(failure(error)).toEqual({
			message:
				'This PostHog version cannot send its own signals (error tracking, alerts, activity) to a webhook',
			httpCode: '400',
			description: expect.stringContaining('Listen For “Event”'),
		});
		expect(posthog.lastRequest()).toMatchObject({ method: 'POST', status: 400 });
		expect(
			posthog.emulator.state.hogFunctions.filter((fn) => fn.inputs.url.value === trigger.url()),
		).toEqual([]);
	});
});

describe('Listen For: Insight Alert Firing', () => {
	const ALERT_FIRING = {
		id: '$insight_alert_firing',
		name: '$insight_alert_firing',
		type: 'events',
		order: 0,
	};
	const firing = (alertId, alertName) => ({
		event: '$insight_alert_firing',
		distinct_id: 'team_1',
		properties: {
			alert_id: alertId,
			alert_name: alertName,
			insight_name: 'Revenue by plan',
			insight_id: SEED.insightShortIds.revenueByPlan,
			state: 'Firing',
			last_checked_at: '2025-03-01T08:00:00Z',
			breaches:
				'The insight value (1200) for previous interval is more than upper threshold (1000)',
		},
	});

	test('one alert: an internal destination on $insight_alert_firing with its alert_id', async () => {
		await lifecycle(
			{ triggerOn: 'insightAlert', alertId: locator(SEED.alertIds.revenueSpike) },
			{
				type: 'internal_destination',
				filters: {
					events: [ALERT_FIRING],
					properties: [
						{
							key: 'alert_id',
							value: SEED.alertIds.revenueSpike,
							operator: 'exact',
							type: 'event',
						},
					],
				},
			},
		);
	});

	test('every alert when none is chosen', async () => {
		await lifecycle(
			{ triggerOn: 'insightAlert' },
			{
				type: 'internal_destination',
				filters: {
					events: [ALERT_FIRING],
				},
			},
		);
	});

	test('the chosen alert firing starts the workflow with the alert summed up; another alert does not', async () => {
		await activated({ triggerOn: 'insightAlert', alertId: locator(SEED.alertIds.revenueSpike) });
		await posthog.emulator.deliverInternalEvent(
			firing(SEED.alertIds.signupsDropped, 'Signups dropped'),
		);
		expect(t.receiver.deliveries).toEqual([]);
		await posthog.emulator.deliverInternalEvent(
			firing(SEED.alertIds.revenueSpike, 'Revenue spike'),
		);
		expect(onlyItem().alert).toEqual({
			id: SEED.alertIds.revenueSpike,
			name: 'Revenue spike',
			insightName: 'Revenue by plan',
			insightShortId: SEED.insightShortIds.revenueByPlan,
			state: 'Firing',
			breaches:
				'The insight value (1200) for previous interval is more than upper threshold (1000)',
			url: `${posthog.emulator.url}/project/1/insights/${SEED.insightShortIds.revenueByPlan}?alert_id=${SEED.alertIds.revenueSpike}`,
		});
	});

	test('the refusal of managed alert destinations is explained', async () => {
		posthog.emulator.override = (req) =>
			req.method === 'POST'
				? {
						status: 400,
						body: {
							type: 'validation_error',
							code: 'invalid_input',
							detail: 'Alert notification destinations are managed through the alert API.',
							attr: 'filters',
						},
					}
				: undefined;
		const error = await t
			.trigger({ triggerOn: 'insightAlert' })
			.activate()
			.catch((e) => e);
		expect(failure(error)).toEqual({
			message: 'PostHog manages the notifications of this kind of alert itself',
			httpCode: '400',
			description: expect.stringContaining('alert API'),
		});
	});

	test('the alert list: name and insight, valued by UUID, linked to the alert', async () => {
		const { PostHogTrigger } = require('../helpers/builtPackage');
		const { results } = await posthog.callMethod('listSearch', 'searchAlerts', {}, ['revenue'], {
			nodeType: new PostHogTrigger(),
		});
		expect(results).toEqual([
			{
				name: 'Revenue spike (Revenue by plan)',
				value: SEED.alertIds.revenueSpike,
				url: `${posthog.credentials().host}/project/1/insights/${SEED.insightShortIds.revenueByPlan}?alert_id=${SEED.alertIds.revenueSpike}`,
			},
		]);
		expect(posthog.requests().map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /api/projects/1/alerts/',
		]);
	});
});

describe('Listen For: Activity', () => {
	const flagChanged = {
		event: '$activity_log_entry_created',
		distinct_id: 'maria-user-distinct-id',
		person: {
			id: 7,
			properties: { email: 'maria@hedgebox.net', first_name: 'Maria' },
			name: 'Maria',
			url: '',
		},
		properties: {
			id: '0194c1bb-0000-7000-8000-00000000a001',
			user: { id: 7, first_name: 'Maria', last_name: 'Silva', email: 'maria@hedgebox.net' },
			activity: 'updated',
			scope: 'FeatureFlag',
			item_id: '17',
			detail: {
				name: 'new-checkout',
				changes: [
					{ type: 'FeatureFlag', action: 'changed', field: 'active', before: true, after: false },
				],
			},
			created_at: '2025-03-01T10:00:00Z',
		},
	};

	test('scopes filter the event entry, activities the whole destination', async () => {
		await lifecycle(
			{
				triggerOn: 'activity',
				activityScopes: ['FeatureFlag', 'Insight'],
				activityTypes: ['updated', 'deleted'],
			},
			{
				type: 'internal_destination',
				filters: {
					events: [
						{
							id: '$activity_log_entry_created',
							name: '$activity_log_entry_created',
							type: 'events',
							order: 0,
							properties: [
								{
									key: 'scope',
									value: ['FeatureFlag', 'Insight'],
									operator: 'exact',
									type: 'event',
								},
							],
						},
					],
					properties: [
						{ key: 'activity', value: ['updated', 'deleted'], operator: 'exact', type: 'event' },
					],
				},
			},
		);
	});

	test('none chosen: every entry of the project', async () => {
		await lifecycle(
			{ triggerOn: 'activity' },
			{
				type: 'internal_destination',
				filters: {
					events: [
						{
							id: '$activity_log_entry_created',
							name: '$activity_log_entry_created',
							type: 'events',
							order: 0,
						},
					],
				},
			},
		);
	});

	test('a teammate turning a flag off starts the workflow: scope, item, activity, who, what changed', async () => {
		await activated({
			triggerOn: 'activity',
			activityScopes: ['FeatureFlag'],
			activityTypes: ['updated'],
		});
		await posthog.emulator.deliverInternalEvent({
			...flagChanged,
			properties: { ...flagChanged.properties, scope: 'Insight' },
		});
		await posthog.emulator.deliverInternalEvent({
			...flagChanged,
			properties: { ...flagChanged.properties, activity: 'created' },
		});
		expect(t.receiver.deliveries).toEqual([]);
		await posthog.emulator.deliverInternalEvent(flagChanged);
		const item = onlyItem();
		expect(item.activity).toEqual({
			scope: 'FeatureFlag',
			itemId: '17',
			activity: 'updated',
			name: 'new-checkout',
			changes: [
				{ type: 'FeatureFlag', action: 'changed', field: 'active', before: true, after: false },
			],
			user: { id: 7, name: 'Maria Silva', email: 'maria@hedgebox.net' },
		});
		expect(item.person).toEqual(flagChanged.person);
	});

	test('a system entry has no user', async () => {
		await activated({ triggerOn: 'activity' });
		await posthog.emulator.deliverInternalEvent({
			...flagChanged,
			distinct_id: 'team_1',
			person: undefined,
			properties: { ...flagChanged.properties, user: null },
		});
		expect(onlyItem()).toMatchObject({ person: null, activity: { user: null } });
	});
});

describe('Listen For: Survey Response', () => {
	const q = SEED.surveyQuestionIds;
	const sent = (surveyId, surveyName) => ({
		event: 'survey sent',
		distinct_id: 'maria@acme.com',
		properties: {
			$survey_id: surveyId,
			$survey_name: surveyName,
			$survey_submission_id: 'sub-maria',
			[`$survey_response_${q.improve}`]: 'Faster exports',
			[`$survey_response_${q.features}`]: ['Insights', 'Surveys'],
			$survey_questions: [
				{ id: q.improve, question: 'What could we improve?', response: 'Faster exports' },
				{
					id: q.features,
					question: 'Which features do you use?',
					response: ['Insights', 'Surveys'],
				},
			],
			$survey_completed: true,
		},
	});

	test('one survey: a destination on survey sent with its $survey_id; every survey without', async () => {
		const events = [{ id: 'survey sent', name: 'survey sent', type: 'events', order: 0 }];
		await lifecycle(
			{ triggerOn: 'surveyResponse', surveyId: locator(SEED.surveyIds.productFeedback) },
			{
				type: 'destination',
				filters: {
					events,
					properties: [
						{
							key: '$survey_id',
							value: SEED.surveyIds.productFeedback,
							operator: 'exact',
							type: 'event',
						},
					],
				},
			},
		);
		posthog.emulator.requests.length = 0;
		await lifecycle({ triggerOn: 'surveyResponse' }, { type: 'destination', filters: { events } });
	});

	test('an answer starts the workflow with the answers keyed by question text, and the person', async () => {
		await activated({
			triggerOn: 'surveyResponse',
			surveyId: locator(SEED.surveyIds.productFeedback),
		});
		await posthog.emulator.deliverEvent(sent(SEED.surveyIds.nps, 'NPS'));
		expect(t.receiver.deliveries).toEqual([]);
		await posthog.emulator.deliverEvent(sent(SEED.surveyIds.productFeedback, 'Product feedback'));
		const item = onlyItem();
		expect(item.survey).toEqual({
			id: SEED.surveyIds.productFeedback,
			name: 'Product feedback',
			submissionId: 'sub-maria',
			completed: true,
			answers: {
				'What could we improve?': 'Faster exports',
				'Which features do you use?': ['Insights', 'Surveys'],
			},
			answersByQuestionId: { [q.improve]: 'Faster exports', [q.features]: ['Insights', 'Surveys'] },
		});
		expect(item.person).toMatchObject({ id: SEED.personIds.maria });
	});
});

describe('the sandbox’s signals (npm run dev:send-signal)', () => {
	const { signal } = require('../emulator/signals');
	test.each([
		['issue-created', { triggerOn: 'errorTrackingIssue' }, 'issue', 'name'],
		[
			'issue-reopened',
			{ triggerOn: 'errorTrackingIssue', issueEvents: ['reopened'] },
			'issue',
			'id',
		],
		['issue-spiking', { triggerOn: 'errorTrackingIssue', issueEvents: ['spiking'] }, 'issue', 'id'],
		['alert-firing', { triggerOn: 'insightAlert' }, 'alert', 'insightShortId'],
		[
			'flag-changed',
			{ triggerOn: 'activity', activityScopes: ['FeatureFlag'], activityTypes: ['updated'] },
			'activity',
			'itemId',
		],
	])('%s starts the trigger set to it', async (name, parameters, key, field) => {
		await activated(parameters);
		const [result] = await posthog.emulator.deliverInternalEvent(
			signal(posthog.emulator.state, name),
		);
		expect(result.statuses).toEqual([200]);
		expect(onlyItem()[key][field]).toEqual(expect.any(String));
	});
});
