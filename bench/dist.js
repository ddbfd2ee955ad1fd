'use strict';
// Where the built package is: dist/ (what `npm run bench` builds), or POSTHOG_BENCH_DIST to
// measure another build (e.g. a copy taken before a change) without rebuilding dist/.
const fs = require('node:fs');
const path = require('node:path');

const dist = process.env.POSTHOG_BENCH_DIST
	? path.resolve(process.env.POSTHOG_BENCH_DIST)
	: path.join(__dirname, '..', 'dist');
/**
 * Where a build keeps a module: `dist/nodes/PostHog/` since 0.3, `dist/nodes/PostHogManagement/`
 * before, so a bench can still measure an older build. `modulePath('transport/pacer.js')`.
 */
const MOVED = { 'transport/': 'shared/', 'transport/request.js': 'shared/transport.js' };
function modulePath(file, build = dist) {
	const current = path.join(build, 'nodes/PostHog', file);
	if (fs.existsSync(current)) return current;
	const before = MOVED[file] ?? file.replace(/^transport\//, MOVED['transport/']);
	return path.join(build, 'nodes/PostHogManagement', before);
}

const nodePath = modulePath('PostHogManagement.node.js');
const credentialPath = path.join(dist, 'credentials/PostHogManagementApi.credentials.js');

// Two throttle classes, as PostHog's table has, that no bench reaches, with a one-second window so
// the pacer's send logs stay near PostHog's own sizes (480 and 4,800 entries at most).
const UNREACHED_THROTTLES = [
	{ scope: 'burst', limit: 1_000_000, periodSeconds: 1 },
	{ scope: 'sustained', limit: 1_000_000, periodSeconds: 1 },
];

/**
 * A build with the pacer (shared/pacer.ts) holds requests to PostHog's real limits (480 a minute),
 * which the emulator does not enforce: the speed benches set throttles they never reach, so the
 * pacer still runs on every request but never waits. Returns whether the build has a pacer.
 */
function liftPacing(throttles = UNREACHED_THROTTLES) {
	const timingPath = modulePath('transport/timing.js');
	if (!fs.existsSync(timingPath)) return false;
	const { limits } = require(timingPath);
	if (!limits || !('throttles' in limits)) return false;
	limits.throttles = throttles;
	return true;
}

module.exports = { dist, modulePath, nodePath, credentialPath, liftPacing };
