import { createHash } from 'crypto';
import { throttlesFor, type Throttle } from './rateLimits';
import { clock, limits } from './timing';

/**
 * Paces requests to PostHog's throttles, per API key, for every item and every execution in this
 * n8n process: a request is sent only when each throttle class of its endpoint has room in its
 * sliding window, as PostHog counts it (docs/posthog-api.md §0 "Rate limits"). Requests are
 * served first come, first served. A 429 pauses every request of the key that shares a throttle
 * class with the throttled one, until the time PostHog gave. Each n8n process (each queue-mode
 * worker) paces itself; PostHog's 429s cover the sum. Holds no user data: a key is the host plus
 * a hash of the API key.
 */

/**
 * One request in the windows: granted at `at`; once answered, `at` moves to the answer's time.
 * PostHog counted the request when it arrived, between the two, so a window measured from the
 * answer never lets a later request arrive inside it, however long the request took to leave.
 */
type Sent = { at: number };

type KeyState = {
	/** Recent requests, oldest first, per throttle scope. */
	sent: Map<string, Sent[]>;
	/** Until when PostHog asked this key to wait, per throttle scope. */
	pausedUntil: Map<string, number>;
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

/** The earliest time at or after `now` when every throttle has room. */
function nextSlot(state: KeyState, throttles: Throttle[], now: number): number {
	let slot = now;
	for (const throttle of throttles) {
		slot = Math.max(slot, state.pausedUntil.get(throttle.scope) ?? 0);
		const sent = state.sent.get(throttle.scope) ?? [];
		if (sent.length >= throttle.limit) {
			slot = Math.max(slot, sent[sent.length - throttle.limit].at + windowMs(throttle));
		}
	}
	return slot;
}

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

export type Slot = { waitMs: number; throttles: Throttle[] };

/** What the pacer needs of a request: its endpoint, and the node's Requests per Minute. */
type PacedRequest = { method: string; url: string; requestsPerMinute?: number };

/**
 * Waits for the request's turn; call the returned `answered()` when PostHog has answered it.
 * `refuseLongerThanMs`: a turn further away than this is not taken, and `tooLong` is called (it
 * throws) instead, so no item queues past Max Wait.
 */
export async function waitForTurn(
	key: string,
	request: PacedRequest,
	refuseLongerThanMs: number,
	tooLong: (slot: Slot) => never,
): Promise<{ answered: () => void }> {
	const state = stateOf(key);
	const throttles = throttlesOf(request);
	const turn = state.queue.then(async () => {
		// A 429 answered while this request waited moves its turn: look again after each wait.
		for (;;) {
			const now = clock.now();
			const at = nextSlot(state, throttles, now);
			if (at - now > refuseLongerThanMs) return { waitMs: at - now, throttles };
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
	return { answered: () => answered(state, throttles, taken) };
}

/** PostHog asked to wait: no request of this key in the same throttle classes goes before then. */
export function pause(key: string, request: PacedRequest, waitMs: number) {
	const state = stateOf(key);
	const until = clock.now() + waitMs;
	for (const { scope } of throttlesOf(request)) {
		state.pausedUntil.set(scope, Math.max(state.pausedUntil.get(scope) ?? 0, until));
	}
}

function throttlesOf(request: PacedRequest): Throttle[] {
	if (limits.throttles) return limits.throttles;
	if (request.requestsPerMinute) {
		return [{ scope: 'requestsPerMinute', limit: request.requestsPerMinute, periodSeconds: 60 }];
	}
	return throttlesFor(request.method, request.url);
}

/** How many API keys the pacer remembers (for tests of its bounded memory). */
export const pacedKeyCount = () => keys.size;
