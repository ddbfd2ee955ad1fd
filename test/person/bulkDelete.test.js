// person → bulkDelete: `POST persons/bulk_delete/ {ids | distinct_ids, delete_events}`, at most
// 1,000 a request (docs/posthog-api-part3.md §8).
const { usePostHog, SEED } = require('../helpers/posthog');
const { person } = require('../helpers/operations');
const faults = require('../emulator/faults');

const posthog = usePostHog();

const PATH = '/api/projects/1/persons/bulk_delete/';
const { maria, tom, li } = SEED.personIds;
const remaining = () => posthog.emulator.state.persons.map((p) => p.uuid);

/** `count` more persons in project 1, with distinct IDs `bulk-0` …, and their UUIDs. */
function addPersons(count) {
	const uuids = [];
	for (let n = 0; n < count; n++) {
		const uuid = `0193a1b5-c3d4-7e5f-8a6b-${(0x10000 + n).toString(16).padStart(12, '0')}`;
		uuids.push(uuid);
		posthog.emulator.state.persons.push({
			...posthog.emulator.state.persons[0],
			id: 10_000 + n,
			uuid,
			distinct_ids: [`bulk-${n}`],
			properties: {},
		});
	}
	return uuids;
}

describe('person bulkDelete', () => {
	test('UUIDs separated by commas and new lines are sent once each as ids, and the output sums PostHog’s counts', async () => {
		const { json, items, error } = await posthog.run(
			person.bulkDelete({ personIds: `${maria}, ${tom}\n${li}\n${maria}` }),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			{ method: 'POST', path: PATH, body: { ids: [maria, tom, li], delete_events: false } },
		]);
		expect(json).toEqual([
			{
				persons_found: 3,
				persons_deleted: 3,
				events_queued_for_deletion: 0,
				recordings_queued_for_deletion: 0,
				deletion_errors: [],
				requested: 3,
				requests: 1,
				queued: true,
			},
		]);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(remaining()).not.toEqual(expect.arrayContaining([maria]));
	});

	test('distinct IDs from an expression that gives an array are sent as distinct_ids, with Delete Events as a JSON boolean', async () => {
		const { json, error } = await posthog.run(
			person.bulkDelete({
				personIds: '={{ $json.ids }}',
				personIdType: 'distinctId',
				options: { deleteEvents: true },
			}),
			{ input: [{ json: { ids: ['maria@acme.com', 'nobody@example.com'] } }] },
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			{
				method: 'POST',
				path: PATH,
				body: { distinct_ids: ['maria@acme.com', 'nobody@example.com'], delete_events: true },
			},
		]);
		expect(json[0]).toMatchObject({
			persons_found: 1,
			events_queued_for_deletion: 1,
			requested: 2,
		});
		expect(posthog.emulator.state.personDeletions).toEqual([
			expect.objectContaining({ uuid: maria, delete_events: true }),
		]);
	});

	test('2,500 persons from one item take 3 requests of at most 1,000, one after another', async () => {
		const uuids = addPersons(2500);

		const { json, error } = await posthog.run(person.bulkDelete({ personIds: uuids.join('\n') }));

		expect(error).toBeUndefined();
		expect(posthog.requests().map((request) => request.body.ids.length)).toEqual([1000, 1000, 500]);
		expect(posthog.requests().flatMap((request) => request.body.ids)).toEqual(uuids);
		expect(json[0]).toMatchObject({ persons_found: 2500, persons_deleted: 2500, requests: 3 });
	});

	test.each([
		[' , \n ', 'Person IDs: add at least one ID'],
		[
			'maria@acme.com',
			'Person IDs: "maria@acme.com" is not a person UUID (set Person ID Type to Distinct ID for distinct IDs)',
		],
	])('%j is refused before any request', async (personIds, message) => {
		const { error } = await posthog.run(person.bulkDelete({ personIds }));

		expect(error.message).toBe(message);
		expect(posthog.requests()).toEqual([]);
	});

	test('a 500 is not retried: PostHog may have deleted the persons already', async () => {
		posthog.emulator.override = faults.first(1, faults.serverError(500));

		const { error } = await posthog.run(person.bulkDelete({ personIds: maria }));

		expect(error.httpCode).toBe('500');
		expect(posthog.requests()).toHaveLength(1);
	});

	test('a 429 names PostHog’s throttle for person deletes (480 a minute, 4,800 an hour)', async () => {
		posthog.emulator.override = faults.always(faults.rateLimited({ seconds: 1 }));

		const { error } = await posthog.run(
			person.bulkDelete({ personIds: maria, options: { retryOnRateLimit: false } }),
		);

		expect(error.httpCode).toBe('429');
		expect(error.description).toMatch(
			/^PostHog allows 480 requests a minute and 4,800 an hour per personal API key for this endpoint\./,
		);
	});
});
