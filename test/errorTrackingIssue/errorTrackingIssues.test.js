// errorTrackingIssue: the list as an ErrorTrackingQuery, get, update (only the fields given),
// assign; each issue request under /api/projects/ first and under /api/environments/ on a 404.
// docs/posthog-api-part3.md §4.
const { usePostHog, locator, SEED } = require('../helpers/posthog');
const { errorTrackingIssue } = require('../helpers/operations');
const faults = require('../emulator/faults');

const posthog = usePostHog();

const { typeError, checkoutTimeout, fixedNullRef } = SEED.issueIds;
const PROJECTS = '/api/projects/1/error_tracking/issues/';
const ENVIRONMENTS = '/api/environments/1/error_tracking/issues/';
const issueOf = (id) => posthog.emulator.state.errorTrackingIssues.find((i) => i.id === id);
const byId = (id) => locator('id', id);

beforeEach(() => {
	posthog.emulator.now = () => new Date('2025-03-01T00:00:00Z');
});

describe('errorTrackingIssue getAll', () => {
	test('sends an ErrorTrackingQuery: active issues of the last 7 days, most recently seen first, with their counts', async () => {
		const { json, error } = await posthog.run(errorTrackingIssue.getAll({ returnAll: true }));

		expect(error).toBeUndefined();
		posthog.expectReceived([
			{
				method: 'POST',
				path: '/api/projects/1/query/',
				body: {
					query: {
						kind: 'ErrorTrackingQuery',
						dateRange: { date_from: '-7d' },
						status: 'active',
						orderBy: 'last_seen',
						orderDirection: 'DESC',
						volumeResolution: 0,
						filterTestAccounts: false,
						withFirstEvent: false,
						limit: 100,
						offset: 0,
					},
					refresh: 'blocking',
				},
			},
		]);
		expect(json.map((issue) => issue.id)).toEqual([typeError, checkoutTimeout]);
		expect(json[0]).toMatchObject({
			name: 'TypeError',
			status: 'active',
			aggregations: { occurrences: 42, users: 17, sessions: 20 },
		});
	});

	test('Status, Search, Date From and Order By are sent as the query’s status, searchQuery, dateRange and orderBy', async () => {
		const { json } = await posthog.run(
			errorTrackingIssue.getAll({
				returnAll: true,
				filters: { status: 'all', search: 'error', dateFrom: '-30d' },
				options: { orderBy: 'occurrences' },
			}),
		);

		expect(posthog.requests()[0].body.query).toMatchObject({
			status: 'all',
			searchQuery: 'error',
			dateRange: { date_from: '-30d' },
			orderBy: 'occurrences',
		});
		expect(json.map((issue) => issue.id)).toEqual([checkoutTimeout, typeError, fixedNullRef]);
	});

	test('Return All pages by limit/offset until PostHog says hasMore is false, without the extra row a page carries twice; Limit is the page size', async () => {
		const state = posthog.emulator.state;
		for (let n = 0; n < 150; n++) {
			state.errorTrackingIssues.push({
				...state.errorTrackingIssues[0],
				id: `0195c1d2-c3d4-7e5f-8a6b-${(0x1000 + n).toString(16).padStart(12, '0')}`,
				last_seen: '2025-02-28T00:00:00Z',
			});
		}

		const all = await posthog.run(errorTrackingIssue.getAll({ returnAll: true }));
		const queries = posthog.requests().map((r) => [r.body.query.limit, r.body.query.offset]);
		posthog.emulator.requests.length = 0;
		const two = await posthog.run(errorTrackingIssue.getAll({ limit: 2 }));

		expect(all.json).toHaveLength(152);
		expect(new Set(all.json.map((issue) => issue.id)).size).toBe(152);
		expect(queries).toEqual([
			[100, 0],
			[100, 100],
		]);
		expect(two.json).toHaveLength(2);
		expect(posthog.requests().map((r) => r.body.query.limit)).toEqual([2]);
	});

	test('a short or empty page with hasMore still true does not end the list', async () => {
		const real = posthog.emulator.override;
		let answered = 0;
		posthog.emulator.override = async (req, record, routed) => {
			const result = await routed();
			// the first page as an older server answers it after dropping issues of other statuses
			if (answered++ === 0) return { ...result, body: { ...result.body, results: [] } };
			return result;
		};
		try {
			const state = posthog.emulator.state;
			for (let n = 0; n < 120; n++) {
				state.errorTrackingIssues.push({
					...state.errorTrackingIssues[0],
					id: `0195c1d2-c3d4-7e5f-8a6b-${(0x2000 + n).toString(16).padStart(12, '0')}`,
					last_seen: '2025-02-27T00:00:00Z',
				});
			}
			const { json, error } = await posthog.run(errorTrackingIssue.getAll({ returnAll: true }));

			expect(error).toBeUndefined();
			expect(posthog.requests().map((r) => r.body.query.offset)).toEqual([0, 100]);
			expect(json.length).toBe(22); // the second page: offset 100 on, 122 issues in all
		} finally {
			posthog.emulator.override = real;
		}
	});

	test('the list is paced in PostHog’s ClickHouse classes, not HogQL’s 120 an hour: a 429 says so', async () => {
		posthog.emulator.override = faults.always(faults.rateLimited({ seconds: 60 }));

		const { error } = await posthog.run(
			errorTrackingIssue.getAll({ options: { retryOnRateLimit: false } }),
		);

		expect(error.httpCode).toBe('429');
		expect(error.description).toMatch(
			/^PostHog allows 240 requests a minute and 1,200 an hour per personal API key for this endpoint\. /,
		);
	});
});

describe('errorTrackingIssue get, update and assign', () => {
	test('Get by URL reads the issue under /api/projects/', async () => {
		const { json, error } = await posthog.run(
			errorTrackingIssue.get({
				issueId: locator('url', `https://us.posthog.com/project/1/error_tracking/${typeError}`),
			}),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([{ method: 'GET', path: `${PROJECTS}${typeError}/` }]);
		expect(json[0]).toMatchObject({ id: typeError, name: 'TypeError' });
	});

	test('on an older server (issues only under /api/environments/) a 404 is followed by the environments route', async () => {
		posthog.emulator.state.errorTrackingRoutes = 'environments';

		const { json, error } = await posthog.run(
			errorTrackingIssue.get({ issueId: byId(typeError) }),
			{ input: [{ json: {} }, { json: {} }, { json: {} }] },
		);

		expect(error).toBeUndefined();
		expect(json.map((issue) => issue.id)).toEqual([typeError, typeError, typeError]);
		const answered = posthog.requests().map((r) => `${r.status} ${r.path}`);
		expect(answered.filter((line) => line === `200 ${ENVIRONMENTS}${typeError}/`)).toHaveLength(3);
		// at most one try of the projects route per item, each a 404
		expect(answered.filter((line) => line.includes('/api/projects/'))).toEqual(
			answered.filter((line) => line === `404 ${PROJECTS}${typeError}/`),
		);
		expect(answered.length).toBeLessThanOrEqual(6);
	});

	test('an issue on neither route is PostHog’s 404 “Issue not found”', async () => {
		const { error } = await posthog.run(
			errorTrackingIssue.get({ issueId: byId('0195c1d2-c3d4-7e5f-8a6b-0000000000ff') }),
		);

		expect(error.httpCode).toBe('404');
		expect(error.message + (error.description ?? '')).toMatch(/Issue not found/);
		expect(posthog.requests().map((r) => r.path)).toEqual([
			`${PROJECTS}0195c1d2-c3d4-7e5f-8a6b-0000000000ff/`,
			`${ENVIRONMENTS}0195c1d2-c3d4-7e5f-8a6b-0000000000ff/`,
		]);
	});

	test('an ID that is not a UUID is refused before any request', async () => {
		const { error } = await posthog.run(errorTrackingIssue.get({ issueId: byId('TypeError') }));

		expect(error.message).toBe('Issue: "TypeError" is not a valid issue UUID');
		expect(posthog.requests()).toEqual([]);
	});

	test('Update sends only the fields given, and resolves the issue', async () => {
		const { json, error } = await posthog.run(
			errorTrackingIssue.update({ issueId: byId(typeError), updateFields: { status: 'resolved' } }),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			{ method: 'PATCH', path: `${PROJECTS}${typeError}/`, body: { status: 'resolved' } },
		]);
		expect(issueOf(typeError).status).toBe('resolved');
		expect(json[0].status).toBe('resolved');
	});

	test('Update with no field is refused before any request', async () => {
		const { error } = await posthog.run(
			errorTrackingIssue.update({ issueId: byId(typeError), updateFields: {} }),
		);

		expect(error.message).toBe('Update Fields: add at least one field to change');
		expect(posthog.requests()).toEqual([]);
	});

	test('Assign sends {assignee: {type: user, id}}; Unassigned sends {assignee: null}', async () => {
		const assigned = await posthog.run(
			errorTrackingIssue.assign({
				issueId: byId(typeError),
				assignee: String(SEED.memberIds.grace),
			}),
		);
		const unassigned = await posthog.run(
			errorTrackingIssue.assign({ issueId: byId(checkoutTimeout), assignee: '' }),
		);

		expect(assigned.error).toBeUndefined();
		expect(unassigned.error).toBeUndefined();
		posthog.expectReceived([
			{
				method: 'PATCH',
				path: `${PROJECTS}${typeError}/assign/`,
				body: { assignee: { type: 'user', id: SEED.memberIds.grace } },
			},
			{ method: 'PATCH', path: `${PROJECTS}${checkoutTimeout}/assign/`, body: { assignee: null } },
		]);
		expect(issueOf(typeError).assignee).toEqual({ type: 'user', id: SEED.memberIds.grace });
		expect(issueOf(checkoutTimeout).assignee).toBeNull();
	});

	test('an assignee that is not a user ID is refused before any request', async () => {
		const { error } = await posthog.run(
			errorTrackingIssue.assign({ issueId: byId(typeError), assignee: 'grace@acme.com' }),
		);

		expect(error.message).toBe('Assignee: "grace@acme.com" is not a numeric user ID');
		expect(posthog.requests()).toEqual([]);
	});
});

describe('errorTrackingIssue pickers', () => {
	test('the Issue list search is an ErrorTrackingQuery of active issues, with links', async () => {
		const { results } = await posthog.callMethod('listSearch', 'searchErrorTrackingIssues', {}, [
			'timeout',
		]);

		expect(results).toEqual([
			{
				name: 'TimeoutError: Checkout request timed out after 30000 ms',
				value: checkoutTimeout,
				url: expect.stringMatching(new RegExp(`/project/1/error_tracking/${checkoutTimeout}$`)),
			},
		]);
		expect(posthog.requests()[0].body.query).toMatchObject({
			kind: 'ErrorTrackingQuery',
			searchQuery: 'timeout',
		});
	});

	test('Assignee lists Unassigned, then the organization’s members by name', async () => {
		const options = await posthog.callMethod('loadOptions', 'getOrganizationMembers', {});

		expect(options).toEqual([
			{ name: 'Unassigned', value: '' },
			{ name: `Ada Lovelace (${SEED.userEmail})`, value: '1' },
			{ name: 'Grace Hopper (grace@acme.com)', value: '7' },
		]);
	});
});
