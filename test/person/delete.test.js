const { usePostHog, locator, SEED } = require('../helpers/posthog');
const { person } = require('../helpers/operations');

const posthog = usePostHog();

const { maria, tom } = SEED.personIds;
const PERSON_PATH = `/api/projects/1/persons/${maria}/`;
const deletions = () => posthog.emulator.state.personDeletions;

describe('person delete', () => {
	test('sends DELETE persons/{uuid}/ with no flag by default, and outputs { success, queued, person } for the empty 202', async () => {
		const { json, items, error } = await posthog.run(
			person.delete({ personId: locator('id', maria) }),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([{ method: 'DELETE', path: PERSON_PATH }]);
		expect(json).toEqual([{ success: true, queued: true, person: maria }]);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(deletions()).toEqual([
			expect.objectContaining({ uuid: maria, delete_events: false, delete_recordings: false }),
		]);
	});

	test('Delete Events on sends delete_events=true; off sends no flag at all (PostHog only checks its presence)', async () => {
		const on = await posthog.run(
			person.delete({ personId: locator('id', maria), options: { deleteEvents: true } }),
		);
		const off = await posthog.run(
			person.delete({ personId: locator('id', tom), options: { deleteEvents: false } }),
		);

		expect(on.error).toBeUndefined();
		expect(off.error).toBeUndefined();
		posthog.expectReceived([
			{ method: 'DELETE', path: PERSON_PATH, query: { delete_events: 'true' } },
			{ method: 'DELETE', path: `/api/projects/1/persons/${tom}/` },
		]);
		expect(deletions().map(({ uuid, delete_events }) => ({ uuid, delete_events }))).toEqual([
			{ uuid: maria, delete_events: true },
			{ uuid: tom, delete_events: false },
		]);
	});

	test('By Distinct ID (an email from a form): one look-up, then the DELETE to the UUID', async () => {
		const { json, error } = await posthog.run(
			person.delete({ personId: locator('distinctId', 'maria@acme.com') }),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			{ method: 'GET', path: '/api/projects/1/persons/', query: { distinct_id: 'maria@acme.com' } },
			{ method: 'DELETE', path: PERSON_PATH },
		]);
		expect(json).toEqual([{ success: true, queued: true, person: maria }]);
	});

	test('an unknown distinct ID deletes nothing and names the distinct ID', async () => {
		const { error } = await posthog.run(
			person.delete({ personId: locator('distinctId', 'gone@example.com') }),
		);

		expect(error.message).toBe(
			'Person: no person with distinct ID "gone@example.com" in project 1',
		);
		expect(posthog.requests().map((request) => request.method)).toEqual(['GET']);
		expect(deletions()).toEqual([]);
	});

	test('an older PostHog answering 204 (done, not queued) gives queued: false', async () => {
		posthog.emulator.state.personDeleteStatus = 204;

		const { json, error } = await posthog.run(person.delete({ personId: locator('id', maria) }));

		expect(error).toBeUndefined();
		expect(json).toEqual([{ success: true, queued: false, person: maria }]);
	});

	test('a DELETE is not retried after a dropped connection', async () => {
		const faults = require('../emulator/faults');
		posthog.emulator.override = faults.first(1, faults.dropConnection());

		const { error } = await posthog.run(person.delete({ personId: locator('id', maria) }));

		expect(error.message).toMatch(/closed the connection before answering/);
		expect(posthog.requests()).toHaveLength(1);
	});

	test('a 429 on a delete names PostHog’s persons-delete throttle (480 a minute and 4,800 an hour)', async () => {
		const faults = require('../emulator/faults');
		posthog.emulator.override = faults.always(faults.rateLimited({ seconds: 1 }));

		const { error } = await posthog.run(
			person.delete({ personId: locator('id', maria), options: { retryOnRateLimit: false } }),
		);

		expect(error.description).toMatch(
			/^PostHog allows 480 requests a minute and 4,800 an hour per personal API key/,
		);
	});
});
