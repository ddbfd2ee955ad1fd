import type { IExecuteSingleFunctions } from 'n8n-workflow';

/**
 * Which items of a run PostHog has applied a write for, so that an error that stops the run can
 * say a rerun is not clean. Per execution and node; only the latest runs are remembered.
 */
const appliedItems = new Map<string, Set<number>>();
const MAX_REMEMBERED_RUNS = 100;

const runOf = (context: IExecuteSingleFunctions) =>
	`${context.getExecutionId()}:${context.getNode().id}`;

export function recordAppliedWrite(context: IExecuteSingleFunctions) {
	const run = runOf(context);
	let items = appliedItems.get(run);
	if (!items) {
		if (appliedItems.size >= MAX_REMEMBERED_RUNS) appliedItems.clear();
		items = new Set();
		appliedItems.set(run, items);
	}
	items.add(context.getItemIndex());
}

/** "3 other items … had already been applied", or nothing when no other item was. */
export function appliedWritesNote(context: IExecuteSingleFunctions): string {
	const items = appliedItems.get(runOf(context));
	const others = [...(items ?? [])].filter((item) => item !== context.getItemIndex()).length;
	if (others === 0) return '';
	const what =
		others === 1 ? '1 other item of this run had' : `${others} other items of this run had`;
	return ` ${what} already been applied by PostHog when this failed: running it again applies them again.`;
}
