const { getGlobalState } = require('n8n-workflow');
const { usePostHog } = require('../helpers/posthog');
const faults = require('../emulator/faults');
const { annotation } = require('../helpers/operations');

const posthog = usePostHog();

const PATH = '/api/projects/1/annotations/';
/** The node's (fake) clock, as PostHog is sent it. */
const nodeNow = () => new Date(posthog.time.now()).toISOString().replace('.000Z', 'Z');
const annotationsWith = (content) =>
	posthog.emulator.state.annotations.filter((a) => a.content === content);

describe('annotation create', () => {
	beforeEach(() => {
		posthog.emulator.now = () => new Date('2025-03-01T00:00:05Z');
	});

	test('always sends date_marker (now), scope project and creation_type USR, and outputs the annotation', async () => {
		const NOW = nodeNow();
		const { json, items, error } = await posthog.run(
			annotation.create({ content: 'Deployed v1.5.0' }),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			{
				method: 'POST',
				path: PATH,
				body: {
					content: 'Deployed v1.5.0',
					date_marker: NOW,
					scope: 'project',
					creation_type: 'USR',
				},
			},
		]);
		expect(json).toHaveLength(1);
		expect(json[0]).toMatchObject({
			id: 10,
			content: 'Deployed v1.5.0',
			scope: 'project',
			creation_type: 'USR',
			deleted: false,
		});
		expect(Date.parse(json[0].date_marker)).toBe(posthog.time.now()); // PostHog writes microseconds
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(annotationsWith('Deployed v1.5.0')).toHaveLength(1);
	});

	test('sends the given date, scope and creation type', async () => {
		const { json, error } = await posthog.run(
			annotation.create({
				content: 'Deployed v1.5.1',
				additionalFields: {
					date: '2025-02-20T09:30:00+01:00',
					scope: 'organization',
					creationType: 'GIT',
				},
			}),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			{
				method: 'POST',
				path: PATH,
				body: {
					content: 'Deployed v1.5.1',
					date_marker: '2025-02-20T08:30:00Z',
					scope: 'organization',
					creation_type: 'GIT',
				},
			},
		]);
		expect(json[0]).toMatchObject({
			scope: 'organization',
			creation_type: 'GIT',
			date_marker: '2025-02-20T08:30:00Z',
		});
	});

	test('a date without a time zone (n8n’s date picker) is read in the workflow’s time zone', async () => {
		expect(getGlobalState().defaultTimezone).toBe('America/New_York');

		const winter = await posthog.run(
			annotation.create({ content: 'winter', additionalFields: { date: '2025-01-15T09:30:00' } }),
		);
		const summer = await posthog.run(
			annotation.create({ content: 'summer', additionalFields: { date: '2025-07-01T09:30:00' } }),
		);

		expect(winter.error).toBeUndefined();
		expect(summer.error).toBeUndefined();
		expect(posthog.requests().map((request) => request.body.date_marker)).toEqual([
			'2025-01-15T14:30:00Z',
			'2025-07-01T13:30:00Z',
		]);
	});

	test.each([
		[{ content: '  ' }, 'Content: must not be empty'],
		[
			{ content: 'x', additionalFields: { date: '={{ "next tuesday" }}' } },
			'Date: "next tuesday" is not a date',
		],
	])('%j is refused before any request', async (parameters, message) => {
		const { error } = await posthog.run(annotation.create({ ...parameters }));

		expect(error.message).toBe(message);
		expect(posthog.requests()).toHaveLength(0);
	});

	test('text longer than PostHog allows fails with PostHog’s message, naming the field', async () => {
		const { error } = await posthog.run(annotation.create({ content: 'x'.repeat(8193) }));

		expect(error.httpCode).toBe('400');
		expect(error.description).toMatch(/PostHog rejected the field "content"/);
	});

	test.each([
		['a 500', faults.serverError(500)],
		['a 502', faults.serverError(502)],
		['a dropped connection', faults.dropConnection()],
	])(
		'is not retried after %s: PostHog may have made it, and a second attempt would add a second marker',
		async (_, fault) => {
			posthog.emulator.override = faults.first(1, fault);

			const { error } = await posthog.run(annotation.create({ content: 'Deployed v1.5.2' }));

			expect(error).toBeDefined();
			expect(posthog.requests().map((request) => request.method)).toEqual(['POST']);
			expect(posthog.time.slept).toEqual([]);
		},
	);

	test('is retried after a 429, which PostHog refuses before applying, and made once', async () => {
		posthog.emulator.override = faults.first(1, faults.rateLimited({ seconds: 2 }));

		const { json, error } = await posthog.run(annotation.create({ content: 'Deployed v1.5.3' }));

		expect(error).toBeUndefined();
		expect(posthog.requests().map((request) => request.status)).toEqual([429, 201]);
		expect(json[0].content).toBe('Deployed v1.5.3');
		expect(annotationsWith('Deployed v1.5.3')).toHaveLength(1);
	});
});
