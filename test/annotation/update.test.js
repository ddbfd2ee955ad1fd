// annotation → update: `PATCH annotations/{id}/` with only the fields given
// (docs/posthog-api-part3.md §8, docs/posthog-api-part2.md §9).
const { getGlobalState } = require('n8n-workflow');
const { usePostHog, SEED } = require('../helpers/posthog');
const { annotation } = require('../helpers/operations');

const posthog = usePostHog();

const ids = SEED.annotationIds;
const PATH = `/api/projects/1/annotations/${ids.deploy142}/`;
const annotationOf = (id) => posthog.emulator.state.annotations.find((a) => a.id === id);

describe('annotation update', () => {
	test('sends only the fields given, and outputs the annotation as PostHog saved it', async () => {
		const before = { ...annotationOf(ids.deploy142) };

		const { json, items, error } = await posthog.run(
			annotation.update({
				annotationId: ids.deploy142,
				updateFields: { content: 'Deployed v1.4.2 (rolled back)' },
			}),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			{ method: 'PATCH', path: PATH, body: { content: 'Deployed v1.4.2 (rolled back)' } },
		]);
		expect(json).toEqual([
			expect.objectContaining({
				id: ids.deploy142,
				content: 'Deployed v1.4.2 (rolled back)',
				date_marker: before.date_marker,
				scope: before.scope,
			}),
		]);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(annotationOf(ids.deploy142).content).toBe('Deployed v1.4.2 (rolled back)');
	});

	test('a date without a time zone is read in the workflow’s time zone; the scope is sent as chosen', async () => {
		expect(getGlobalState().defaultTimezone).toBe('America/New_York');

		const { error } = await posthog.run(
			annotation.update({
				annotationId: ids.deploy142,
				updateFields: { date: '2025-01-15T09:30:00', scope: 'organization' },
			}),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			{
				method: 'PATCH',
				path: PATH,
				body: { date_marker: '2025-01-15T14:30:00Z', scope: 'organization' },
			},
		]);
	});

	test.each([
		[{}, 'Update Fields: add at least one field to change'],
		[{ content: '  ' }, 'Content: must not be empty'],
		[{ date: 'soon' }, 'Date: "soon" is not a date'],
	])('%j is refused before any request', async (updateFields, message) => {
		const { error } = await posthog.run(
			annotation.update({ annotationId: ids.deploy142, updateFields }),
		);

		expect(error.message).toBe(message);
		expect(posthog.requests()).toEqual([]);
	});

	test('an unknown annotation fails with PostHog’s 404', async () => {
		const { error } = await posthog.run(
			annotation.update({ annotationId: 999, updateFields: { content: 'x' } }),
		);

		expect(error.httpCode).toBe('404');
	});
});
