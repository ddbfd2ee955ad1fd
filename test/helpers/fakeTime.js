// Replaces the node's clock (dist/…/transport/timing.js) with a fake one, so a test of "waits 2 s,
// then retries" runs the real retry code in a millisecond and cannot flake on a busy machine.
// The emulator's throttle reads the same fake clock (faults.throttle({ now })).
const path = require('node:path');

const timingModule = path.join(
	__dirname,
	'..',
	'..',
	'dist',
	'nodes',
	'PostHog',
	'transport',
	'timing.js',
);

function fakeClock() {
	const { clock, limits } = require(timingModule);
	const real = { clock: { ...clock }, limits: { ...limits } };
	// Every sleep starts at the fake now: nothing else moves the clock between two awaits.
	const startOf = () => fake.nowMs;
	const fake = {
		nowMs: Date.parse('2025-03-01T00:00:00Z'),
		/** Every wait the node asked for, in milliseconds, in order. */
		slept: [],
		now: () => fake.nowMs,
		install() {
			fake.slept = [];
			// A day later for every test: no wait or rate window of an earlier test reaches into it.
			// (Never behind real time, which a test may have used instead.)
			fake.nowMs = Math.max(fake.nowMs, Date.now()) + 24 * 3600 * 1000;
			Object.assign(clock, {
				now: () => fake.nowMs,
				// Sleepers wake at once; the clock moves to the latest wake-up time, as with real time.
				sleep: async (ms) => {
					fake.slept.push(ms);
					fake.nowMs = Math.max(fake.nowMs, startOf(ms) + ms);
				},
				// Deterministic: the middle of the jitter's range.
				jitter: (maxMs) => Math.floor(maxMs / 2),
			});
			Object.assign(limits, real.limits);
		},
		/** The node's limits (maxPages, maxOutputItems), for this test only. */
		limits,
		restore() {
			Object.assign(clock, real.clock);
			Object.assign(limits, real.limits);
		},
	};
	return fake;
}

module.exports = { fakeClock };
