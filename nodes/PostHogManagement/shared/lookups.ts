import type { IExecuteSingleFunctions } from 'n8n-workflow';

const MAX_REMEMBERED_LOOKUPS = 100;

/**
 * A memo for look-ups that turn what a user typed into the ID PostHog's routes take (a flag key,
 * a distinct ID). It remembers each answer for one execution of one node: every item of a run
 * usually names the same object, and all items' requests start at once, so they share one
 * request. A failed look-up is not remembered: the next item (or run) asks again.
 */
export function lookupsPerExecution<T>() {
	const lookups = new Map<string, Promise<T>>();
	return async function remembered(
		context: IExecuteSingleFunctions,
		key: string,
		lookUp: () => Promise<T>,
	): Promise<T> {
		// Per node too: two nodes may use credentials for different PostHog hosts.
		const id = `${context.getExecutionId()}:${context.getNode().id}:${key}`;
		let lookup = lookups.get(id);
		if (!lookup) {
			lookup = lookUp();
			lookup.catch(() => lookups.delete(id));
			if (lookups.size >= MAX_REMEMBERED_LOOKUPS) lookups.clear();
			lookups.set(id, lookup);
		}
		return await lookup;
	};
}
