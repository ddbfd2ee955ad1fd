import { clock } from '../transport/timing';

/**
 * Event uuids each trigger received lately. PostHog may deliver an event twice (a retry after
 * a timeout, docs/posthog-api-part2.md §10.6), within seconds. Kept in this process's memory, not
 * in static data: saving static data would write the workflow row on every delivery, and
 * concurrent deliveries would overwrite each other's copy. The cost: a retry that reaches
 * another n8n process (several webhook processes), or arrives after a restart, is not caught.
 */
const REMEMBER_MS = 10 * 60 * 1000;
/** Per trigger; beyond it the oldest uuids are forgotten first. */
const MAX_REMEMBERED = 5000;

const received = new Map<string, Map<string, number>>();

/** Whether `trigger` received the event `uuid` within the last minutes; remembers it if not. */
export function isRepeat(trigger: string, uuid: string): boolean {
	const now = clock.now();
	const uuids = received.get(trigger) ?? new Map<string, number>();
	received.set(trigger, uuids);
	// oldest first: entries are added in time order
	for (const [old, at] of uuids) {
		if (now - at < REMEMBER_MS) break;
		uuids.delete(old);
	}
	if (uuids.has(uuid)) return true;
	uuids.set(uuid, now);
	if (uuids.size > MAX_REMEMBERED) uuids.delete(uuids.keys().next().value as string);
	return false;
}
