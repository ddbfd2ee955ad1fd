import { createHash } from 'crypto';
import { throttlesFor, type Throttle } from './rateLimits';
import { clock, limits } from './timing';

/**
 * Paces requests to PostHog's throttles, per API key, for every item and every execution in this
 * n8n process: a request is sent only when each throttle class of its endpoint has room in its
 * sliding window, as PostHog counts it (docs/posthog-api.md §0 "Rate limits"). Requests are
 * served first come, first served. A 429 pauses every request of the key that shares a throttle
 * class with the throttled one, until the time PostHog gave. Each n8n process (each queue-mode worker) paces itself; PostHog's 429s cover the sum.
 * Holds no user data: a key is the host plus a hash of the API key.
 */

type KeyState = {
	/** Send times of recent requests, oldest first, per throttle scope. */
	sent: Map<string, number[]>;
	/** Until when PostHog asked this key to wait, per throttle scope. */
	pausedUntil: Map<string, number>;
	/** The last request granted a slot; the next waits for it, which keeps arrival order. */
	queue: Promise<unknown>;
	lastUsed: number;
};

const keys = new Map<string, KeyState>();

// The server counts a request when it arrives, later than it is sent, by a varying delay: a
// window is treated as this much longer, so a request cannot arrive inside the previous one.
const WINDOW_MARGIN = { fraction: 0.02, ms: 20 };
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

const windowMs = ({ periodSeconds }: Throttle) =>
	periodSeconds * 1000 * (1 + WINDOW_MARGIN.fraction) + WINDOW_MARGIN.ms;

/** The earliest time at or after `now` when every throttle has room, and the scopes' logs. */
function nextSlot(state: KeyState, throttles: Throttle[], now: number): number {
	let slot = now;
	for (const throttle of throttles) {
		slot = Math.max(slot, state.pausedUntil.get(throttle.scope) ?? 0);
		const sent = state.sent.get(throttle.scope) ?? [];
		if (sent.length >= throttle.limit) {
			slot = Math.max(slot, sent[sent.length - throttle.limit] + windowMs(throttle));
		}
	}
	return slot;
}

function record(state: KeyState, throttles: Throttle[], at: number) {
	for (const throttle of throttles) {
		const sent = state.sent.get(throttle.scope) ?? [];
		sent.push(at);
		// Only the last `limit` sends, within one window, can hold a later request back.
		const keepFrom = Math.max(0, sent.length - throttle.limit);
		const recent = sent.slice(keepFrom).filter((time) => time > at - windowMs(throttle));
		state.sent.set(throttle.scope, recent);
	}
}

export type Slot = { waitMs: number; throttles: Throttle[] };

/** What the pacer needs of a request: its endpoint, and the node's Requests per Minute. */
type PacedRequest = { method: string; url: string; requestsPerMinute?: number };

/**
 * Waits for the request's turn. `refuseLongerThanMs`: a turn further away than this is not
 * taken, and `tooLong` is called (it throws) instead, so no item queues past Max Wait.
 */
export async function waitForTurn(
	key: string,
	request: PacedRequest,
	refuseLongerThanMs: number,
	tooLong: (slot: Slot) => never,
): Promise<void> {
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
		record(state, throttles, clock.now());
		state.lastUsed = clock.now();
		return undefined;
	});
	// The queue moves on whether this turn was taken or refused.
	state.queue = turn.catch(() => undefined);
	const refused = await turn;
	if (refused) tooLong(refused);
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
