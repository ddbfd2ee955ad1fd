import { randomInt, sleep } from 'n8n-workflow';
import type { Throttle } from './rateLimits';

/**
 * The clock and the limits the node depends on, kept in one object each so that tests can
 * replace them (test/helpers/fakeTime.js): a retry test then takes milliseconds, not seconds,
 * and still runs the real retry code.
 */
export const clock = {
	now: (): number => Date.now(),
	sleep: async (ms: number): Promise<void> => await sleep(ms),
	/** A whole number of milliseconds from 0 up to, not including, `maxMs`. */
	jitter: (maxMs: number): number => (maxMs > 0 ? randomInt(maxMs) : 0),
};

export const limits = {
	/** Beyond this many pages a list is taken to be looping, and the node stops with an error. */
	maxPages: 10_000,
	/**
	 * The most items one input item may output. n8n's routing engine spreads a node's output into
	 * a function call, which overflows the call stack at about 125,000 items (BENCHMARKS.md), so
	 * a longer list stops here with an error instead of failing after fetching every page.
	 */
	maxOutputItems: 110_000,
	/** Throttles to pace every request to, instead of PostHog's (benchmarks scale time down). */
	throttles: undefined as Throttle[] | undefined,
};
