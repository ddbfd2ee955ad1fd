const { usePostHog, SEED } = require('../helpers/posthog');
const { annotation } = require('../helpers/operations');

const posthog = usePostHog();

const PATH = '/api/projects/1/annotations/';
const ids = SEED.annotationIds;
const idsOf = (json) => json.map((annotation) => annotation.id);

describe('annotation getAll', () => {
	test('Return All outputs one item per annotation, latest date first, including org-wide ones from sibling projects', async () => {
		const { json, items, error } = await posthog.run(annotation.getAll({ returnAll: true }));

		expect(error).toBeUndefined();
		posthog.expectReceived([{ method: 'GET', path: PATH, query: { limit: '100', offset: '0' } }]);
		expect(idsOf(json)).toEqual([
			ids.undated,
			ids.deploy143,
			ids.deploy142,
			ids.pricingLaunch,
			ids.orgOffsite,
			ids.blackFriday,
		]);
		expect(json.find((annotation) => annotation.id === ids.orgOffsite)).toMatchObject({
			content: 'Company offsite (all projects)',
			scope: 'organization',
		});
		expect(items.every((item) => item.pairedItem.item === 0)).toBe(true);
	});

	test('search and the date range are sent as search, date_from and date_to (ISO 8601, UTC)', async () => {
		const { json, error } = await posthog.run(
			annotation.getAll({
				returnAll: true,
				filters: {
					search: 'deployed',
					dateFrom: '2025-01-15T00:00:00Z',
					dateTo: '2025-01-16T00:00:00Z',
				},
			}),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			{
				method: 'GET',
				path: PATH,
				query: {
					search: 'deployed',
					date_from: '2025-01-15T00:00:00Z',
					date_to: '2025-01-16T00:00:00Z',
					limit: '100',
					offset: '0',
				},
			},
		]);
		expect(idsOf(json)).toEqual([ids.deploy142]);
	});

	test('an older PostHog that ignores the date range still gives only annotations within it', async () => {
		posthog.emulator.override = (req, record) => {
			if (record.path !== PATH) return undefined;
			const rows = posthog.emulator.state.annotations.filter(
				(a) => a.project_id === 1 && !a.deleted,
			);
			return {
				status: 200,
				body: { count: rows.length, next: null, previous: null, results: rows },
			};
		};

		const { json, error } = await posthog.run(
			annotation.getAll({
				returnAll: true,
				filters: { dateFrom: '2025-01-10T00:00:00Z', dateTo: '2025-01-20T09:30:00Z' },
			}),
		);

		expect(error).toBeUndefined();
		expect(idsOf(json).sort((a, b) => a - b)).toEqual([
			ids.pricingLaunch,
			ids.deploy142,
			ids.deploy143,
		]);
	});

	test('a date that is not a date is refused before any request', async () => {
		const { error } = await posthog.run(
			annotation.getAll({ returnAll: true, filters: { dateFrom: '={{ "yesterday-ish" }}' } }),
		);

		expect(error.message).toBe('Date From: "yesterday-ish" is not a date');
		expect(posthog.requests()).toHaveLength(0);
	});

	test('PostHog’s own refusal of a reversed range keeps its message', async () => {
		const { error } = await posthog.run(
			annotation.getAll({
				returnAll: true,
				filters: { dateFrom: '2025-02-01T00:00:00Z', dateTo: '2025-01-01T00:00:00Z' },
			}),
		);

		expect(error.httpCode).toBe('400');
		expect(error.message).toBe('Invalid date range: date_from must be before date_to');
	});
});
