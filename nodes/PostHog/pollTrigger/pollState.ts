import type { IDataObject } from 'n8n-workflow';
import { createdMs } from './window';

/**
 * How far below the newest row already seen each poll looks again: ClickHouse serves new rows
 * late, and ingestion dates groups back to their first event (docs/posthog-api-part2.md §1.1).
 */
export const OVERLAP_MS = 5 * 60 * 1000;

/**
 * The poller's state, in the node's workflow static data. n8n saves static data when a poll
 * returns items and at activation, not after an empty poll (docs/n8n-notes.md §5), so the state
 * changes only in the first poll and in polls that emit: an empty poll has nothing to lose.
 */
export type PollState = {
	/** What the state is about (listSource `id`); another value means "first poll". */
	watching?: string;
	/** The newest `created_at` seen, in ms. */
	watermark?: number;
	/** Keys already seen whose `created_at` is within OVERLAP_MS of the watermark: `[key, ms]`. */
	seen?: Array<[string, number]>;
};

type Watched = Required<PollState>;

export function isWatching(state: PollState, sourceId: string): state is Watched {
	return (
		state.watching === sourceId && typeof state.watermark === 'number' && Array.isArray(state.seen)
	);
}

export const windowStart = (state: Watched) => state.watermark - OVERLAP_MS;

const entriesOf = (rows: IDataObject[], keyOf: (row: IDataObject) => string) =>
	rows.map((row): [string, number] => [keyOf(row), createdMs(row)]);

/** First poll: what exists now counts as seen. */
export function startWatching(
	state: PollState,
	sourceId: string,
	watermark: number,
	rows: IDataObject[],
	keyOf: (row: IDataObject) => string,
): void {
	state.watching = sourceId;
	state.watermark = watermark;
	state.seen = entriesOf(rows, keyOf).filter(([, ms]) => ms >= watermark - OVERLAP_MS);
}

/** The rows not seen before. */
export function unseen(
	state: Watched,
	rows: IDataObject[],
	keyOf: (row: IDataObject) => string,
): IDataObject[] {
	const seen = new Set(state.seen.map(([key]) => key));
	return rows.filter((row) => !seen.has(keyOf(row)));
}

/** After emitting `rows`: the watermark moves up, and keys that fell out of the window go. */
export function remember(
	state: Watched,
	rows: IDataObject[],
	keyOf: (row: IDataObject) => string,
): void {
	const watermark = rows.reduce((newest, row) => Math.max(newest, createdMs(row)), state.watermark);
	const start = watermark - OVERLAP_MS;
	state.seen = [...state.seen, ...entriesOf(rows, keyOf)].filter(([, ms]) => ms >= start);
	state.watermark = watermark;
}
