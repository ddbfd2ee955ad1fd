// The polling trigger (postHogPollTrigger) through n8n-core's PollContext, against the emulator,
// with n8n's rules for saving static data simulated (test/helpers/runTrigger.js).
const { usePostHog, PROJECT, seedGroups, failure } = require('../helpers/posthog');
const { pollTrigger } = require('../helpers/runTrigger');
const { isoFromMicros, parseIsoMicros } = require('../emulator/time');

const posthog = usePostHog();

const OVERLAP_MS = 5 * 60 * 1000;
const NEW_COMPANIES = { event: 'newGroup', projectId: PROJECT, groupTypeIndex: 0 };
const GROUPS_PATH = '/api/projects/1/groups/';

function companies(options = {}) {
	return pollTrigger({ parameters: NEW_COMPANIES, credentials: posthog.credentials(), ...options });
}

/** `count` new companies, 1 s apart, after every existing group (the emulator's seedGroups). */
const addCompanies = (count, prefix) =>
	seedGroups(posthog.emulator.state, { projectId: 1, groupTypeIndex: 0, count, prefix }).map(
		(group) => group.group_key,
	);

/** One company with its own `created_at`, as ingestion dates groups (possibly in the past). */
function addCompanyAt(key, createdAtMs) {
	posthog.emulator.state.groups.push({
		project_id: 1,
		id: posthog.emulator.state.nextIds.group++,
		group_type_index: 0,
		group_key: key,
		group_properties: { name: key },
		created_at: isoFromMicros(createdAtMs * 1000),
	});
}

const newestCompanyMs = () =>
	Math.max(
		...posthog.emulator.state.groups
			.filter((g) => g.project_id === 1 && g.group_type_index === 0)
			.map((g) => Math.floor(parseIsoMicros(g.created_at) / 1000)),
	);

/** Requests PostHog received since `mark` (the length of the request log before). */
const requestsSince = (mark) => posthog.requests().slice(mark);

const keys = (rows) => (rows ?? []).map((row) => row.group_key);

describe('postHogPollTrigger: new groups', () => {
	test('the first poll emits nothing, remembers what exists and is saved at activation', async () => {
		const trigger = companies();
		expect(await trigger.activate()).toBeNull();

		posthog.expectReceived([
			{ method: 'GET', path: GROUPS_PATH, query: { group_type_index: '0' } },
		]);
		const newest = newestCompanyMs();
		const saved = trigger.saved();
		expect(saved).toEqual({
			watching: 'groups:1:0',
			watermark: newest,
			seen: expect.any(Array),
		});
		// only the groups within the overlap of the newest are remembered
		for (const [, ms] of saved.seen) expect(ms).toBeGreaterThanOrEqual(newest - OVERLAP_MS);
	});

	test('new groups are emitted once, oldest first, as PostHog lists them', async () => {
		const trigger = companies();
		await trigger.activate();
		const added = addCompanies(3, 'fresh');

		const emitted = await trigger.poll();
		expect(keys(emitted)).toEqual(added);
		expect(emitted[0]).toEqual({
			group_type_index: 0,
			group_key: 'fresh-0',
			group_properties: { name: 'fresh 0' },
			created_at: expect.any(String),
		});
		expect(await trigger.poll()).toBeNull();
		expect(await trigger.poll()).toBeNull();
	});

	test('a group that shows up late inside the overlap is caught; one dated back past it is not (the documented limit)', async () => {
		const trigger = companies();
		await trigger.activate();
		addCompanies(1, 'on-time');
		expect(keys(await trigger.poll())).toEqual(['on-time-0']);
		const watermark = trigger.saved().watermark;

		// ClickHouse lag or a backdated first event: created 2 and 20 minutes before the newest
		addCompanyAt('late-but-inside', watermark - 2 * 60 * 1000);
		addCompanyAt('dated-too-far-back', watermark - 20 * 60 * 1000);
		expect(keys(await trigger.poll())).toEqual(['late-but-inside']);
		expect(await trigger.poll()).toBeNull();
	});

	test('on an empty group type the first poll starts the watermark at now, and the next group is emitted', async () => {
		const parameters = { ...NEW_COMPANIES, groupTypeIndex: 3 };
		const trigger = pollTrigger({ parameters, credentials: posthog.credentials() });
		expect(await trigger.activate()).toBeNull();
		expect(trigger.saved()).toEqual({
			watching: 'groups:1:3',
			watermark: posthog.time.now(),
			seen: [],
		});

		posthog.emulator.state.groups.push({
			project_id: 1,
			id: posthog.emulator.state.nextIds.group++,
			group_type_index: 3,
			group_key: 'first-of-its-type',
			group_properties: {},
			created_at: new Date(posthog.time.now() + 1000).toISOString(),
		});
		expect(keys(await trigger.poll())).toEqual(['first-of-its-type']);
	});

	test.each([
		[0, 1],
		[50, 1],
		[250, 3],
	])('%i new groups cost %i request(s), within ⌈new/100⌉ + 1', async (count, expected) => {
		const trigger = companies();
		await trigger.activate();
		const added = addCompanies(count, 'burst');
		const mark = posthog.requests().length;

		const emitted = await trigger.poll();
		const requests = requestsSince(mark);
		console.log(`requests for a poll with ${count} new groups: ${requests.length}`);
		expect(requests.length).toBe(expected);
		expect(requests.length).toBeLessThanOrEqual(Math.ceil(count / 100) + 1);
		expect(keys(emitted)).toEqual(count ? added : []);
		// page 2 and 3 follow the cursor read out of `next`
		expect(requests.slice(1).every((r) => r.query.cursor && r.query.group_type_index === '0')).toBe(
			true,
		);
	});

	test('the poll after a burst reads the burst again while it is inside the overlap of the newest group', async () => {
		const trigger = companies();
		await trigger.activate();
		addCompanies(250, 'burst'); // 250 s apart in all: inside the 5-minute overlap
		await trigger.poll();

		const mark = posthog.requests().length;
		expect(await trigger.poll()).toBeNull();
		console.log(`requests for the empty poll after a burst of 250: ${requestsSince(mark).length}`);
		expect(requestsSince(mark)).toHaveLength(3);

		// once a newer group moves the watermark past the burst, a poll is one request again
		addCompanyAt('much-later', newestCompanyMs() + 60 * 60 * 1000);
		await trigger.poll();
		const after = posthog.requests().length;
		expect(await trigger.poll()).toBeNull();
		expect(requestsSince(after)).toHaveLength(1);
	});

	test('the seen keys are pruned to the overlap window, so the state stays small', async () => {
		const trigger = companies();
		await trigger.activate();
		for (let hour = 1; hour <= 5; hour++) {
			addCompanies(40, `hour-${hour}`);
			addCompanyAt(`jump-${hour}`, newestCompanyMs() + 60 * 60 * 1000);
			await trigger.poll();
		}
		const { watermark, seen } = trigger.saved();
		expect(seen.map(([key]) => key)).toEqual([`jump-5`]);
		expect(watermark).toBe(newestCompanyMs());
	});

	test.each([
		['not saved after empty polls (n8n’s default)', false],
		['saved after every poll (durable poll cursors)', true],
	])(
		'across polls and restarts, every new group is emitted exactly once: static data %s',
		async (_name, persistEmptyPolls) => {
			const trigger = companies({ persistEmptyPolls });
			await trigger.activate();
			const added = [];
			const emitted = [];
			// empty polls, restarts right after empty polls, a burst over two pages, a late group
			const rounds = [
				0,
				2,
				0,
				'restart',
				0,
				'restart',
				120,
				0,
				'late',
				'restart',
				1,
				0,
				0,
				'restart',
				3,
			];
			for (const [round, step] of rounds.entries()) {
				if (step === 'restart') {
					emitted.push(...keys(await trigger.restart()));
					continue;
				}
				if (step === 'late') {
					addCompanyAt(`late-${round}`, trigger.saved().watermark - 60 * 1000);
					added.push(`late-${round}`);
				} else {
					added.push(...addCompanies(step, `round-${round}`));
				}
				const before = trigger.saved();
				const rows = await trigger.poll();
				emitted.push(...keys(rows));
				// an empty poll changes nothing that would need saving
				if (!rows) expect(trigger.running()).toEqual(before);
			}
			expect(emitted.sort()).toEqual(added.sort());
			expect(new Set(emitted).size).toBe(emitted.length);
		},
	);

	test('a cursor PostHog cannot read (page 1 again) ends the walk, and nothing is emitted twice', async () => {
		const trigger = companies();
		await trigger.activate();
		addCompanies(150, 'loop');
		// a proxy that rewrites `next` to a cursor PostHog does not understand: page 1 comes back
		posthog.emulator.override = async (_req, record, routed) => {
			if (!record.path.endsWith('/groups/')) return undefined;
			const page = await routed();
			return {
				...page,
				body: {
					...page.body,
					next: `${page.body.next.split('&cursor=')[0]}&cursor=bm90LWEtY3Vyc29y`,
				},
			};
		};
		const mark = posthog.requests().length;
		const emitted = await trigger.poll();
		expect(requestsSince(mark)).toHaveLength(2);
		// page 1 twice: its 100 newest groups once each; the 50 older ones wait for a readable cursor
		expect(emitted).toHaveLength(100);
		expect(new Set(keys(emitted)).size).toBe(100);

		// with readable cursors again, the next poll brings the 50 older ones, still in the window
		posthog.emulator.override = null;
		expect(await trigger.poll()).toHaveLength(50);
	});

	test('more pages than the page limit is an error, not an endless poll', async () => {
		const trigger = companies();
		await trigger.activate();
		addCompanies(350, 'many');
		posthog.time.limits.maxPages = 3;
		await expect(trigger.poll()).rejects.toThrow('PostHog kept returning more pages after 3');
	});

	test('a manual run ("Fetch Test Event") shows the newest three and touches no state', async () => {
		const trigger = companies();
		const added = addCompanies(5, 'sample');
		const rows = await trigger.manual();
		expect(keys(rows)).toEqual(added.slice(2).reverse());
		posthog.expectReceived([
			{ method: 'GET', path: GROUPS_PATH, query: { group_type_index: '0' } },
		]);
		expect(trigger.saved()).toBeUndefined();
	});

	test('another group type (a changed parameter) starts over with a first poll', async () => {
		const trigger = companies();
		await trigger.activate();
		const other = pollTrigger({
			parameters: { ...NEW_COMPANIES, groupTypeIndex: 1 },
			credentials: posthog.credentials(),
		});
		// the teams trigger starts from the companies trigger's saved state
		other.setSaved(trigger.saved());
		expect(await other.activate()).toBeNull();
		expect(other.saved().watching).toBe('groups:1:1');
		expect(other.saved().watermark).not.toBe(trigger.saved().watermark);
	});

	test('a project that is not a number is refused before any request', async () => {
		const trigger = pollTrigger({
			parameters: {
				...NEW_COMPANIES,
				projectId: { __rl: true, mode: 'url', value: 'https://us.posthog.com/settings' },
			},
			credentials: posthog.credentials(),
		});
		await expect(trigger.activate()).rejects.toThrow(
			'Project: "https://us.posthog.com/settings" is not a numeric project ID',
		);
		expect(posthog.requests()).toEqual([]);
	});

	test('PostHog errors reach the poll as the action node’s errors', async () => {
		const trigger = companies();
		await trigger.activate();
		posthog.emulator.state.keys[posthog.emulator.apiKey].scopes = ['person:read'];
		const error = await trigger.poll().catch((e) => e);
		expect(failure(error)).toMatchObject({
			message: "API key missing required scope 'group:read'",
			httpCode: '403',
		});
	});
});

describe('postHogPollTrigger: new persons', () => {
	const NEW_PERSONS = { event: 'newPerson', projectId: PROJECT };
	let nextPk = 1000;

	function addPersons(count, prefix, startMs) {
		const uuids = [];
		for (let i = 0; i < count; i++) {
			const pk = nextPk++;
			const uuid = `0197a6c2-5b1e-7000-8000-${String(pk).padStart(12, '0')}`;
			posthog.emulator.state.persons.push({
				project_id: 1,
				id: pk,
				uuid,
				distinct_ids: [`${prefix}-${i}`],
				properties: { email: `${prefix}-${i}@example.com` },
				is_identified: true,
				created_at: new Date(startMs + i * 1000).toISOString(),
				last_seen_at: new Date(startMs + i * 1000).toISOString(),
			});
			uuids.push(uuid);
		}
		return uuids;
	}

	const persons = (options) =>
		pollTrigger({ parameters: NEW_PERSONS, credentials: posthog.credentials(), ...options });

	test('the first poll remembers the persons, the next emits each new person once, oldest first', async () => {
		const trigger = persons();
		expect(await trigger.activate()).toBeNull();
		posthog.expectReceived([
			{ method: 'GET', path: '/api/projects/1/persons/', query: { limit: '100', offset: '0' } },
		]);
		expect(trigger.saved().watching).toBe('persons:1');

		const added = addPersons(3, 'signup', Date.parse('2025-02-01T00:00:00Z'));
		const rows = await trigger.poll();
		expect(rows.map((row) => row.uuid)).toEqual(added);
		expect(rows[0]).toMatchObject({ type: 'person', id: added[0], distinct_ids: ['signup-0'] });
		expect(await trigger.poll()).toBeNull();
	});

	test('150 new persons: two offset pages, each person once', async () => {
		const trigger = persons();
		await trigger.activate();
		const added = addPersons(150, 'wave', Date.parse('2025-02-01T00:00:00Z'));
		const mark = posthog.requests().length;
		const rows = await trigger.poll();
		expect(requestsSince(mark).map((r) => r.query)).toEqual([
			{ limit: '100', offset: '0' },
			{ limit: '100', offset: '100' },
		]);
		expect(rows.map((row) => row.uuid)).toEqual(added);
	});

	test('a manual run shows the newest persons without a watermark', async () => {
		const rows = await persons().manual();
		// newest first: Dana (Nov 20), the anonymous person (Nov 12), Li (Nov 7)
		expect(rows.map((row) => row.distinct_ids.at(-1))).toEqual([
			'dana@initech.com',
			'anon-7c9d',
			'li@globex.com',
		]);
	});

	test('a manual run on an empty list says there is nothing yet', async () => {
		posthog.emulator.state.persons = [];
		await expect(persons().manual()).rejects.toThrow('No person in this project yet');
	});
});
