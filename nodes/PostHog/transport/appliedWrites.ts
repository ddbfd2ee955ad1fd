import type { IExecuteSingleFunctions } from 'n8n-workflow';
import { perExecution } from './perExecution';

/**
 * Which items of a run PostHog has applied a write for, so that an error that stops the run can
 * say a rerun is not clean.
 */
const appliedItems = perExecution(() => new Set<number>());

export function recordAppliedWrite(context: IExecuteSingleFunctions) {
	appliedItems.of(context).add(context.getItemIndex());
}

/** "3 other items … had already been applied", or nothing when no other item was. */
export function appliedWritesNote(context: IExecuteSingleFunctions): string {
	const items = appliedItems.peek(context);
	const others = [...(items ?? [])].filter((item) => item !== context.getItemIndex()).length;
	if (others === 0) return '';
	const what =
		others === 1 ? '1 other item of this run had' : `${others} other items of this run had`;
	return ` ${what} already been applied by PostHog when this failed: running it again applies them again.`;
}
