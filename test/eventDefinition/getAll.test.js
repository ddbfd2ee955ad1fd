// eventDefinition → getAll: `GET event_definitions/?search&event_type&limit&offset`
// (docs/posthog-api-part3.md §6). Paging and Limit: test/lists.test.js.
const { usePostHog } = require('../helpers/posthog');
const { eventDefinition } = require('../helpers/operations');

const posthog = usePostHog();

const PATH = '/api/projects/1/event_definitions/';
const namesOf = (json) => json.map((definition) => definition.name);

describe('eventDefinition getAll', () => {
	test('outputs one item per event PostHog has seen, most recently seen first, with its dates', async () => {
		const { json, items, error } = await posthog.run(eventDefinition.getAll({ returnAll: true }));

		expect(error).toBeUndefined();
		posthog.expectReceived([{ method: 'GET', path: PATH, query: { limit: '100', offset: '0' } }]);
		expect(namesOf(json)).toEqual(['$pageview', 'signed_up']);
		expect(json[1]).toEqual(
			expect.objectContaining({
				name: 'signed_up',
				created_at: '2025-01-15T11:00:00.123456Z',
				last_seen_at: expect.stringMatching(/^2025-01-/),
			}),
		);
		expect(items.every((item) => item.pairedItem.item === 0)).toBe(true);
	});

	test.each([
		['all', 'event', ['$pageview', 'signed_up']],
		['custom', 'event_custom', ['signed_up']],
		['posthog', 'event_posthog', ['$pageview']],
	])(
		'Event Type %s is sent as event_type=%s and lists only those events',
		async (type, sent, names) => {
			const { json, error } = await posthog.run(
				eventDefinition.getAll({ returnAll: true, filters: { eventType: type } }),
			);

			expect(error).toBeUndefined();
			posthog.expectReceived([
				{ method: 'GET', path: PATH, query: { event_type: sent, limit: '100', offset: '0' } },
			]);
			expect(namesOf(json)).toEqual(names);
		},
	);

	test('Search is sent as search and matches the name', async () => {
		const { json, error } = await posthog.run(
			eventDefinition.getAll({ returnAll: true, filters: { search: 'sign' } }),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			{ method: 'GET', path: PATH, query: { search: 'sign', limit: '100', offset: '0' } },
		]);
		expect(namesOf(json)).toEqual(['signed_up']);
	});

	test('a key without event_definition:read gets PostHog’s 403, and the error names the scope', async () => {
		posthog.emulator.state.keys.phx_no_taxonomy = { scopes: ['query:read'] };

		const { error } = await posthog.run(eventDefinition.getAll({ returnAll: true }), {
			credentials: posthog.credentials({ apiKey: 'phx_no_taxonomy' }),
		});

		expect(error.httpCode).toBe('403');
		expect(error.description).toMatch(/"event_definition:read"/);
	});
});
