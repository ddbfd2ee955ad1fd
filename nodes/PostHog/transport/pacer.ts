import { createHash } from 'crypto';
import { throttlesFor, type Throttle } from './rateLimits';
import { clock, limits } from './timing';

/**
 * Paces requests to PostHog's throttles, per API key, for every item and every execution in this
 * n8n process: a request is sent only when each throttle class of its endpoint has room in its
 * sliding window, as PostHog counts it (docs/posthog-api.md §0 "Rate limits"). Requests are
 * served first come, first served. A 429 pauses every request of the key that shares a throttle
 * class with the throttled one, until the time PostHog gave.
 *
 * The table is PostHog Cloud's; a server can allow less (a self-hosted rate, the per-user
 * persons throttle of some versions, docs/posthog-api.md §0), and several n8n processes (queue
 * mode workers) can share a key. So a 429 that came although the pacer saw room teaches it the
 * limit the server really has for that key: the class is lowered to what its window admitted
 * (scaled up for the part of the window a pause held the key back, and never below half the
 * table: what another client of the key took is not ours to measure), and climbs back by a
 * fiftieth of the table's limit per window without a 429 (additive increase, multiplicative
 * decrease). Holds no user data: a key is the host plus a hash of the API key.
 */

/**
 * One request in the windows: granted at `at`; once answered, `at` moves to the answer's time.
 * PostHog counted the request when it arrived, between the two, so a window measured from the
 * answer never lets a later request arrive inside it, however long the request took to leave.
 */
type Sent = { at: number };

/**
 * A limit PostHog showed for a throttle scope: what its window admitted, when it climbs from
 * (the end of PostHog's pause), and the limit before this lesson (a decrease stops at its half).
 */
type Learned = { limit: number; at: number; before: number };

type KeyState = {
	/** Recent requests, oldest first, per throttle scope. */
	sent: Map<string, Sent[]>;
	/** Until when PostHog asked this key to wait, per throttle scope. */
	pausedUntil: Map<string, number>;
	/** When the latest of those waits began, per throttle scope. */
	pausedFrom: Map<string, number>;
	/** Limits lower than the table's that 429s taught, per throttle scope. */
	learned: Map<string, Learned>;
	/** The last request granted a turn; the next waits for it, which keeps arrival order. */
	queue: Promise<unknown>;
	lastUsed: number;
};

const keys = new Map<string, KeyState>();

// A little slack for the clocks' granularity.
const WINDOW_MARGIN_MS = 20;
const IDLE_KEY_MS = 2 * 3600 * 1000;

export function pacingKey(host: string, apiKey: string): string {
	return `${host}|${createHash('sha256').update(apiKey).digest('hex').slice(0, 16)}`;
}

function stateOf(key: string): KeyState {
	let state = keys.get(key);
	if (!state) {
		dropIdleKeys();
		state = {
			sent: new Map(),
			pausedUntil: new Map(),
			pausedFrom: new Map(),
			learned: new Map(),
			queue: Promise.resolve(),
			lastUsed: clock.now(),
		};
		keys.set(key, state);
	}
	return state;
}

function dropIdleKeys() {
	const now = clock.now();
	for (const [key, state] of keys) if (now - state.lastUsed > IDLE_KEY_MS) keys.delete(key);
}

const windowMs = ({ periodSeconds }: Throttle) => periodSeconds * 1000 + WINDOW_MARGIN_MS;

/** Limits are learned for the classes counted by the minute (or, scaled, by less). */
const MAX_LEARNED_PERIOD_SECONDS = 60;

/** How much a learned limit climbs back per window without a 429. */
const climbPerWindow = ({ limit }: Throttle) => Math.max(1, Math.ceil(limit / 50));

/** The limit the pacer holds a scope to now: the table's, or lower where a 429 taught it. */
function limitOf(state: KeyState, throttle: Throttle, now: number): number {
	const learned = state.learned.get(throttle.scope);
	if (!learned) return throttle.limit;
	const quietWindows = Math.max(
		0,
		Math.floor((now - learned.at) / (throttle.periodSeconds * 1000)),
	);
	const limit = learned.limit + quietWindows * climbPerWindow(throttle);
	if (limit < throttle.limit) return limit;
	state.learned.delete(throttle.scope);
	return throttle.limit;
}

/** The earliest time at or after `now` when every throttle has room. */
function nextSlot(state: KeyState, throttles: Throttle[], now: number): number {
	let slot = now;
	for (const throttle of throttles) {
		slot = Math.max(slot, pausedUntil(state, [throttle]));
		const sent = state.sent.get(throttle.scope) ?? [];
		const limit = limitOf(state, throttle, now);
		if (sent.length >= limit) {
			slot = Math.max(slot, sent[sent.length - limit].at + windowMs(throttle));
		}
	}
	return slot;
}

/** Until when PostHog asked to wait for any of these throttles (0: it did not). */
const pausedUntil = (state: KeyState, throttles: Throttle[]) =>
	Math.max(0, ...throttles.map(({ scope }) => state.pausedUntil.get(scope) ?? 0));

function record(state: KeyState, throttles: Throttle[], entry: Sent) {
	for (const throttle of throttles) {
		let sent = state.sent.get(throttle.scope);
		if (!sent) state.sent.set(throttle.scope, (sent = []));
		sent.push(entry);
		// Only the last `limit` requests, within one window, can hold a later request back.
		const oldest = entry.at - windowMs(throttle);
		while (sent.length > throttle.limit || sent[0].at <= oldest) sent.shift();
	}
}

/** The request was answered: it counts from now, and the windows stay in time order. */
function answered(state: KeyState, throttles: Throttle[], entry: Sent) {
	entry.at = Math.max(entry.at, clock.now());
	for (const throttle of throttles) {
		const sent = state.sent.get(throttle.scope) ?? [];
		// Answers mostly come in order: the entry is near the end.
		for (let i = sent.lastIndexOf(entry); i >= 0 && i + 1 < sent.length; i++) {
			if (sent[i + 1].at >= sent[i].at) break;
			[sent[i], sent[i + 1]] = [sent[i + 1], sent[i]];
		}
	}
	state.lastUsed = entry.at;
}

/** A turn further away than the caller accepts; `pausedByPostHog`: a 429's wait holds it back. */
export type Slot = { waitMs: number; throttles: Throttle[]; pausedByPostHog: boolean };

/** What the pacer needs of a request: its endpoint, and the node's Requests per Minute. */
type PacedRequest = { method: string; url: string; queryKind?: string; requestsPerMinute?: number };

export type Turn = {
	/** PostHog answered the request: it counts from now. */
	answered: () => void;
	/**
	 * PostHog answered 429: the request did not count. No request of the key in the same
	 * throttle classes goes for `waitMs`; `askedMs`, the wait PostHog named, tells which class
	 * refused, whose limit is then lowered to what its window admitted.
	 */
	throttled: (waitMs: number, askedMs: number | undefined) => void;
};

/**
 * Waits for the request's turn; call the returned `answered()` (or `throttled()`) when PostHog
 * has answered it. A turn further away than `refuseLongerThanMs`, or one that a 429's wait
 * holds back while `waitForPostHog` is off (Retry on Rate Limit), is not taken: `tooLong` is
 * called (it throws) instead, so no item queues past Max Wait.
 */
export async function waitForTurn(
	key: string,
	request: PacedRequest,
	refuseLongerThanMs: number,
	tooLong: (slot: Slot) => never,
	waitForPostHog = true,
): Promise<Turn> {
	const state = stateOf(key);
	const throttles = throttlesOf(request);
	const turn = state.queue.then(async () => {
		// A 429 answered while this request waited moves its turn: look again after each wait.
		for (;;) {
			const now = clock.now();
			const at = nextSlot(state, throttles, now);
			const pausedByPostHog = pausedUntil(state, throttles) > now;
			if (at - now > refuseLongerThanMs || (pausedByPostHog && !waitForPostHog)) {
				return { waitMs: at - now, throttles, pausedByPostHog };
			}
			if (at <= now) break;
			await clock.sleep(at - now);
		}
		const entry = { at: clock.now() };
		record(state, throttles, entry);
		state.lastUsed = entry.at;
		return entry;
	});
	// The queue moves on whether this turn was taken or refused.
	state.queue = turn.catch(() => undefined);
	const taken = await turn;
	if ('waitMs' in taken) return tooLong(taken);
	return {
		answered: () => answered(state, throttles, taken),
		throttled: (waitMs, askedMs) => {
			forget(state, throttles, taken);
			if (!request.requestsPerMinute) learn(state, throttles, askedMs, waitMs);
			holdBack(state, throttles, waitMs);
		},
	};
}

/** PostHog does not count a request it throttled (DRF records only admitted requests). */
function forget(state: KeyState, throttles: Throttle[], entry: Sent) {
	for (const { scope } of throttles) {
		const sent = state.sent.get(scope) ?? [];
		const index = sent.lastIndexOf(entry);
		if (index >= 0) sent.splice(index, 1);
	}
}

/**
 * A 429 although the pacer saw room: the class that refused admits fewer requests for this key
 * than the pacer held it to. PostHog names no class; its wait does (a class's wait is never
 * longer than its window), so it is the class with the shortest window that can ask for that
 * long, or the shortest window when PostHog named no wait. A wait longer than every window
 * comes from a throttle outside the table: nothing is learned, the pause alone holds. So does a
 * class counted by the hour: a wrong lesson there would hold the key back for hours, and its
 * 429 asks for a wait long enough on its own. The limit starts climbing back when the pause is
 * over (`waitMs`), the first window that can show more.
 */
function learn(
	state: KeyState,
	throttles: Throttle[],
	askedMs: number | undefined,
	waitMs: number,
) {
	const now = clock.now();
	const refusing = [...throttles]
		.sort((a, b) => a.periodSeconds - b.periodSeconds)
		.find((throttle) => askedMs === undefined || askedMs <= throttle.periodSeconds * 1000);
	if (!refusing || refusing.periodSeconds > MAX_LEARNED_PERIOD_SECONDS) return;
	const window = windowMs(refusing);
	const since = now - window;
	const sent = (state.sent.get(refusing.scope) ?? []).filter(({ at }) => at > since).length;
	// The 429s of requests that were in flight together (answered before the pause is over) are
	// one lesson: each refines what the window admitted, none halves the limit again.
	const previous = state.learned.get(refusing.scope);
	const sameLesson = previous !== undefined && now < previous.at;
	// A pause of PostHog's in the window held this key back for part of it: what was admitted
	// counts for the rest of the window only.
	const paused = sameLesson ? 0 : pausedWithin(state, refusing.scope, since, now);
	if (paused > window / 2) return;
	const admitted = Math.round((sent * window) / (window - paused));
	const before = sameLesson ? previous.before : limitOf(state, refusing, now);
	// Never below half the table: another client of the key can take the window while this one
	// is paused, and lessons from windows it lost would compound (measured in bench:pacing).
	const limit = Math.min(before, Math.max(admitted, Math.ceil(refusing.limit / 2), 1));
	state.learned.set(refusing.scope, { limit, at: now + waitMs, before });
}

/** How long the latest pause of a scope held it back between `from` and `to`. */
function pausedWithin(state: KeyState, scope: string, from: number, to: number): number {
	const start = Math.max(from, state.pausedFrom.get(scope) ?? 0);
	const end = Math.min(to, state.pausedUntil.get(scope) ?? 0);
	return Math.max(0, end - start);
}

/** PostHog asked to wait: no request of this key in the same throttle classes goes before then. */
export function pause(key: string, request: PacedRequest, waitMs: number) {
	holdBack(stateOf(key), throttlesOf(request), waitMs);
}

function holdBack(state: KeyState, throttles: Throttle[], waitMs: number) {
	const now = clock.now();
	for (const { scope } of throttles) {
		const pausedUntil = state.pausedUntil.get(scope) ?? 0;
		if (pausedUntil <= now) state.pausedFrom.set(scope, now);
		state.pausedUntil.set(scope, Math.max(pausedUntil, now + waitMs));
	}
}

/** The limit the pacer holds a scope of a key to now (for tests of what it learned). */
export function pacedLimit(key: string, scope: string, request: PacedRequest): number | undefined {
	const throttle = throttlesOf(request).find((candidate) => candidate.scope === scope);
	return throttle && limitOf(stateOf(key), throttle, clock.now());
}

function throttlesOf(request: PacedRequest): Throttle[] {
	if (limits.throttles) return limits.throttles;
	if (request.requestsPerMinute) {
		return [{ scope: 'requestsPerMinute', limit: request.requestsPerMinute, periodSeconds: 60 }];
	}
	return throttlesFor(request.method, request.url, request.queryKind);
}

/** How many API keys the pacer remembers (for tests of its bounded memory). */
export const pacedKeyCount = () => keys.size;
