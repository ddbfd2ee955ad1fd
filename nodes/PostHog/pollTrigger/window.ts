import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { tooManyPagesError } from '../shared/pages';
import { limits } from '../transport/timing';
import type { ListSource } from './listSource';

/** When PostHog created a row, in ms; a row without a readable date counts as old. */
export function createdMs(row: IDataObject): number {
	const ms = Date.parse(String(row.created_at ?? ''));
	return Number.isNaN(ms) ? -Infinity : ms;
}

export type Window = {
	/** The rows created at `since` or later, each once. */
	rows: IDataObject[];
	/** The newest `created_at` on the first page, in ms (undefined when the list is empty). */
	newestMs: number | undefined;
};

const newestOf = (rows: IDataObject[]) =>
	rows.length
		? rows.reduce((newest, row) => Math.max(newest, createdMs(row)), -Infinity)
		: undefined;

/**
 * Reads `source` newest first until a page ends with a row created before `since`, which is
 * worked out from the newest row of the first page. Costs ⌊rows in the window / page size⌋ + 1
 * requests. A repeated page token ends the walk (PostHog serves page 1 again for a cursor it
 * cannot read, docs/posthog-api.md §2.1); a row met twice (offset pages shift as rows arrive) counts once.
 */
export async function readWindow(
	context: IPollFunctions,
	source: ListSource,
	since: (newestMs: number | undefined) => number,
): Promise<Window> {
	const keys = new Set<string>();
	const tokens = new Set<string>();
	const rows: IDataObject[] = [];
	let window: { since: number; newestMs: number | undefined } | undefined;
	let next: string | undefined;
	for (let pages = 0; pages < limits.maxPages; pages++) {
		const page = await source.fetch(next);
		if (!window) {
			const newestMs = newestOf(page.rows);
			window = { since: since(newestMs), newestMs };
		}
		for (const row of page.rows) {
			const key = source.keyOf(row);
			if (keys.has(key)) continue;
			keys.add(key);
			if (createdMs(row) >= window.since) rows.push(row);
		}
		const last = page.rows[page.rows.length - 1];
		if (!last || createdMs(last) < window.since || !page.next || tokens.has(page.next)) {
			return { rows, newestMs: window.newestMs };
		}
		tokens.add(page.next);
		next = page.next;
	}
	throw tooManyPagesError(context.getNode());
}
