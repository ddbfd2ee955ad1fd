// Return All / Limit, specified once for every list the node has: each Get Many that shows
// Return All is listed below (a new list fails the first test until it is added), and the lists
// that walk PostHog's `limit`/`offset` pages (docs/posthog-api.md §0) share one pager, whose
// behaviour is specified here for each of them.
const { usePostHog, locator, SEED } = require('./helpers/posthog');
const operations = require('./helpers/operations');
const { storeInsight } = require('./insight/storedInsights');
const { PostHogManagement } = require('./helpers/builtPackage');
const { addSurveyEvents } = require('./emulator/seed');

const posthog = usePostHog();

/** Adds `count` rows to a list in the emulator, all after the seeded ones in PostHog's order. */
const copies = (rows, count, edit) => {
	const template = rows[0];
	for (let n = 0; n < count; n++) rows.push({ ...template, ...edit(n) });
};

const OFFSET_LISTS = {
	'action.getAll': {
		path: '/api/projects/1/actions/',
		// no `next` at all: a full page may have more after it
		fullLastPageAsksAgain: true,
		add: (state, count) =>
			copies(state.actions, count, (n) => ({ id: 1000 + n, name: `Bulk action ${n}` })),
	},
	'annotation.getAll': {
		path: '/api/projects/1/annotations/',
		add: (state, count) =>
			copies(state.annotations, count, (n) => ({
				id: 1000 + n,
				content: `note ${n}`,
				date_marker: new Date(Date.UTC(2020, 0, 1) - n * 3_600_000).toISOString(),
			})),
	},
	'cohort.getAll': {
		path: '/api/projects/1/cohorts/',
		add: (state, count) =>
			copies(state.cohorts, count, (n) => ({
				id: 1000 + n,
				name: `Bulk cohort ${n}`,
				created_at: new Date(Date.UTC(2020, 0, 1) - n * 60_000).toISOString(),
			})),
	},
	'cohort.getPersons': {
		path: `/api/projects/1/cohorts/${SEED.cohortIds.betaTesters}/persons/`,
		parameters: { cohortId: locator('id', SEED.cohortIds.betaTesters) },
		// `next` whenever a page came back full (docs/posthog-api-part3.md §1)
		fullLastPageAsksAgain: true,
		add: (state, count) => {
			const beta = state.cohorts.find((c) => c.id === SEED.cohortIds.betaTesters);
			copies(state.persons, count, (n) => {
				const uuid = `0193a1b5-c3d4-7e5f-8a6b-${(0x30000 + n).toString(16).padStart(12, '0')}`;
				beta.members.push(uuid);
				return { id: 30_000 + n, uuid, distinct_ids: [`member-${n}`] };
			});
		},
	},
	'eventDefinition.getAll': {
		path: '/api/projects/1/event_definitions/',
		add: (state, count) =>
			copies(state.eventDefinitions, count, (n) => ({
				id: `0193a1e0-0000-7000-8000-${String(1000 + n).padStart(12, '0')}`,
				name: `bulk_event_${String(n).padStart(4, '0')}`,
				last_seen_at: '2020-01-01T00:00:00Z',
			})),
	},
	'featureFlag.getAll': {
		path: '/api/projects/1/feature_flags/',
		add: (state, count) =>
			copies(state.featureFlags, count, (n) => ({
				id: 1000 + n,
				key: `bulk-${n}`,
				created_at: new Date(Date.UTC(2020, 0, 1) - n * 60_000).toISOString(),
			})),
	},
	'insight.getAll': {
		path: '/api/projects/1/insights/',
		query: { basic: 'true', saved: 'true' },
		add: (state, count) => {
			for (let n = 0; n < count; n++) {
				storeInsight(state, {
					id: 1000 + n,
					name: `Bulk ${n}`,
					lastModifiedAt: new Date(Date.UTC(2020, 0, 1) - n * 60_000).toISOString(),
				});
			}
		},
	},
	'dashboard.getAll': {
		path: '/api/projects/1/dashboards/',
		add: (state, count) =>
			copies(state.dashboards, count, (n) => ({
				id: 1000 + n,
				name: `Zz bulk dashboard ${String(n).padStart(4, '0')}`,
				pinned: false,
			})),
	},
	'survey.getAll': {
		path: '/api/projects/1/surveys/',
		add: (state, count) =>
			copies(state.surveys, count, (n) => ({
				id: `0194b2c0-c3d4-7e5f-8a6b-${(0x1000 + n).toString(16).padStart(12, '0')}`,
				name: `Bulk survey ${n}`,
				created_at: new Date(Date.UTC(2020, 0, 1) - n * 60_000).toISOString(),
			})),
	},
	'person.getAll': {
		path: '/api/projects/1/persons/',
		// PostHog sets `next` on every full page of persons (docs/posthog-api-part2.md §3)
		fullLastPageAsksAgain: true,
		add: (state, count) =>
			copies(state.persons, count, (n) => ({
				id: 1000 + n,
				uuid: `0193a1b5-c3d4-7e5f-8a6b-${(0x1000 + n).toString(16).padStart(12, '0')}`,
				distinct_ids: [`user-${n}`],
				properties: { email: `user-${n}@example.com` },
				created_at: new Date(Date.UTC(2020, 0, 1) - n * 60_000).toISOString(),
			})),
	},
};

/** The parameters each list needs besides Return All / Limit. */
const LISTS = {
	...Object.fromEntries(
		Object.entries(OFFSET_LISTS).map(([name, list]) => [name, list.parameters ?? {}]),
	),
	'errorTrackingIssue.getAll': { filters: { status: 'all', dateFrom: '2024-01-01' } },
	'fileSystem.getLogViews': {},
	'group.getActivity': { groupTypeIndex: 0, groupKey: 'acme' },
	'group.getAll': { groupTypeIndex: 0 },
	// keyset pages of HogQL, not limit/offset: test/survey/surveys.test.js
	'survey.getResponses': { surveyId: locator('id', SEED.surveyIds.productFeedback) },
};

/** What a list needs in PostHog besides the default data. */
const SETUP = { 'survey.getResponses': addSurveyEvents };

const run = (name, parameters) => {
	const [resource, operation] = name.split('.');
	return posthog.run(operations[resource][operation]({ ...LISTS[name], ...parameters }));
};

const idOf = (entry) => entry.uuid ?? entry.id;

beforeEach(() => {
	posthog.time.nowMs += 3600e3; // a fresh hour of every throttle (insights: 240 a minute)
});

test('every operation that shows Return All is one of the lists specified here', () => {
	const { properties } = new PostHogManagement().description;
	const lists = properties
		.filter((property) => property.name === 'returnAll')
		.flatMap(({ displayOptions: { show } }) =>
			show.resource.flatMap((resource) => show.operation.map((op) => `${resource}.${op}`)),
		)
		// a field shared across resources is shown for every pair of them, even pairs with no operation
		.filter((name) => {
			const [resource, operation] = name.split('.');
			return operations[resource]?.[operation] !== undefined;
		});
	expect(lists.sort()).toEqual(Object.keys(LISTS).sort());
});

describe.each(Object.keys(LISTS))('%s', (name) => {
	beforeEach(() => SETUP[name]?.(posthog.emulator.state));

	test('Limit caps the output at that many items, each paired to its input item', async () => {
		const { json, items, error } = await run(name, { returnAll: false, limit: 2 });

		expect(error).toBeUndefined();
		expect(json).toHaveLength(2);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	test('Limit defaults to 50, and Return All starts with what Limit gives', async () => {
		const { json: limited } = await run(name, { returnAll: false });
		const { json, error } = await run(name, { returnAll: true });

		expect(error).toBeUndefined();
		expect(limited.length).toBeLessThanOrEqual(50);
		expect(json.length).toBeGreaterThanOrEqual(limited.length);
		expect(json.slice(0, limited.length)).toEqual(limited);
	});
});

describe.each(Object.entries(OFFSET_LISTS))('%s, paged by limit/offset', (name, list) => {
	const page = (limit, offset) => ({
		method: 'GET',
		path: list.path,
		query: { ...list.query, limit: String(limit), offset: String(offset) },
	});

	test('Return All walks the pages, 100 a page, until PostHog has no next, and outputs every entry once', async () => {
		const seeded = (await run(name, { returnAll: true })).json.length;
		list.add(posthog.emulator.state, 230 - seeded);
		posthog.emulator.requests.length = 0;

		const { json, items, error } = await run(name, { returnAll: true });

		expect(error).toBeUndefined();
		posthog.expectReceived([page(100, 0), page(100, 100), page(100, 200)]);
		expect(json).toHaveLength(230);
		expect(new Set(json.map(idOf)).size).toBe(230);
		expect(items.every((item) => item.pairedItem.item === 0)).toBe(true);
	});

	test('a Limit is sent as the page size, and no more pages are fetched than it needs', async () => {
		const { json: all } = await run(name, { returnAll: true });
		posthog.emulator.requests.length = 0;

		const { json, error } = await run(name, { returnAll: false, limit: 2 });

		expect(error).toBeUndefined();
		posthog.expectReceived([page(2, 0)]);
		expect(json.map(idOf)).toEqual(all.slice(0, 2).map(idOf));
	});

	test('a full last page ends the walk with no extra item, whether or not a page follows it', async () => {
		const seeded = (await run(name, { returnAll: true })).json.length;
		list.add(posthog.emulator.state, 200 - seeded); // two full pages
		posthog.emulator.requests.length = 0;

		const { json, error } = await run(name, { returnAll: true });

		expect(error).toBeUndefined();
		posthog.expectReceived(
			list.fullLastPageAsksAgain
				? [page(100, 0), page(100, 100), page(100, 200)]
				: [page(100, 0), page(100, 100)],
		);
		expect(json).toHaveLength(200);
		expect(new Set(json.map(idOf)).size).toBe(200);
	});
});
