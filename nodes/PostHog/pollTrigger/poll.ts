import {
	NodeOperationError,
	type IDataObject,
	type INodeExecutionData,
	type IPollFunctions,
} from 'n8n-workflow';
import { clock } from '../transport/timing';
import { listSourceFor, type ListSource } from './listSource';
import {
	isWatching,
	OVERLAP_MS,
	remember,
	startWatching,
	unseen,
	windowStart,
	type PollState,
} from './pollState';
import { createdMs, readWindow } from './window';

/** Rows a manual run ("Fetch Test Event") shows. */
const SAMPLE_SIZE = 3;

const byCreated = (a: IDataObject, b: IDataObject) => createdMs(a) - createdMs(b);

/** The newest row's time, or now for an empty list (or one without readable dates). */
const watermarkFrom = (newestMs: number | undefined) =>
	newestMs !== undefined && Number.isFinite(newestMs) ? newestMs : clock.now();

/** The newest few rows, from one request; static data is neither read nor written. */
async function sample(context: IPollFunctions, source: ListSource): Promise<IDataObject[]> {
	const { rows } = await source.fetch();
	if (!rows.length) {
		throw new NodeOperationError(context.getNode(), `No ${source.noun} in this project yet`, {
			description: `Create a ${source.noun} in PostHog, then fetch a test event again.`,
		});
	}
	return [...rows].sort(byCreated).reverse().slice(0, SAMPLE_SIZE);
}

/**
 * One poll: the rows created since the watermark (minus the overlap) that were not seen before,
 * oldest first. The first poll only records what exists (n8n's convention for pollers).
 */
export async function pollNewRows(context: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const source = listSourceFor(context);
	if (context.getMode() === 'manual') {
		return [context.helpers.returnJsonArray(await sample(context, source))];
	}
	const state = context.getWorkflowStaticData('node') as PollState;
	if (!isWatching(state, source.id)) {
		const window = await readWindow(
			context,
			source,
			(newestMs) => watermarkFrom(newestMs) - OVERLAP_MS,
		);
		startWatching(state, source.id, watermarkFrom(window.newestMs), window.rows, source.keyOf);
		return null;
	}
	const { rows } = await readWindow(context, source, () => windowStart(state));
	const fresh = unseen(state, rows, source.keyOf).sort(byCreated);
	if (!fresh.length) return null;
	remember(state, fresh, source.keyOf);
	return [context.helpers.returnJsonArray(fresh)];
}
