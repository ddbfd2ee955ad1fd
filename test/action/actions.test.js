// action → getAll and get: `GET actions/?limit&offset&search` (no `next`; older servers ignore all
// three) and `GET actions/{id}/` (docs/posthog-api-part3.md §2). Return All / Limit: test/lists.test.js.
const { usePostHog, locator, SEED } = require('../helpers/posthog');
const { action } = require('../helpers/operations');

const posthog = usePostHog();

const PATH = '/api/projects/1/actions/';
const { signedUp, viewedPricing, oldOnboarding } = SEED.actionIds;
const namesOf = (json) => json.map((a) => a.name);

/** `count` more live actions of project 1, after the seeded ones. */
function addActions(count) {
	const [template] = posthog.emulator.state.actions;
	for (let n = 0; n < count; n++)
		posthog.emulator.state.actions.push({ ...template, id: 1000 + n, name: `Bulk ${n}` });
}

describe('action getAll', () => {
	test('Return All walks limit/offset pages until a short one (the list has no next), every action once', async () => {
		addActions(148); // 150 live actions: a page of 100, then one of 50

		const { json, error } = await posthog.run(action.getAll({ returnAll: true }));

		expect(error).toBeUndefined();
		posthog.expectReceived([
			{ method: 'GET', path: PATH, query: { limit: '100', offset: '0' } },
			{ method: 'GET', path: PATH, query: { limit: '100', offset: '100' } },
		]);
		expect(json).toHaveLength(150);
		expect(json.map((a) => a.id)).not.toContain(oldOnboarding);
		expect(new Set(json.map((a) => a.id)).size).toBe(150);
	});

	test('Search is sent as search and matches the name', async () => {
		const { json, error } = await posthog.run(
			action.getAll({ returnAll: true, filters: { search: 'pricing' } }),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			{ method: 'GET', path: PATH, query: { search: 'pricing', limit: '100', offset: '0' } },
		]);
		expect(namesOf(json)).toEqual(['Viewed pricing']);
	});

	test('an older server that answers every action at once and ignores search: every action once, the search applied here', async () => {
		posthog.emulator.state.actionsIgnoreParams = true;
		addActions(148);

		const all = await posthog.run(action.getAll({ returnAll: true }));
		const found = await posthog.run(
			action.getAll({ returnAll: true, filters: { search: 'pricing' } }),
		);

		expect(all.error).toBeUndefined();
		expect(all.json).toHaveLength(150);
		expect(new Set(all.json.map((a) => a.id)).size).toBe(150);
		expect(namesOf(found.json)).toEqual(['Viewed pricing']);
		// 150 rows on a page of 100 look full, so a second page is asked for; nothing new ends it
		expect(posthog.requests()).toHaveLength(4);
	});

	test('the From List search lists actions by name, valued by numeric ID', async () => {
		const { results } = await posthog.callMethod('listSearch', 'searchActions', {}, ['sign']);

		expect(results).toEqual([
			{
				name: 'Signed up',
				value: String(signedUp),
				url: expect.stringMatching(new RegExp(`/project/1/data-management/actions/${signedUp}$`)),
			},
		]);
	});
});

describe('action get', () => {
	test('By ID gets the action with its steps', async () => {
		const { json, error } = await posthog.run(
			action.get({ actionId: locator('id', viewedPricing) }),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([{ method: 'GET', path: `${PATH}${viewedPricing}/` }]);
		expect(json).toEqual([
			expect.objectContaining({
				id: viewedPricing,
				name: 'Viewed pricing',
				steps: [expect.objectContaining({ event: '$pageview', url: '/pricing' })],
			}),
		]);
	});

	test('an ID that is not a number is refused before any request', async () => {
		const { error } = await posthog.run(action.get({ actionId: locator('id', 'signed up') }));

		expect(error.message).toBe('Action: "signed up" is not a numeric action ID');
		expect(posthog.requests()).toEqual([]);
	});

	test('an unknown action fails with PostHog’s 404', async () => {
		const { error } = await posthog.run(action.get({ actionId: locator('id', 999) }));

		expect(error.httpCode).toBe('404');
	});
});
