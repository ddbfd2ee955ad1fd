'use strict';
// Personal API key authentication and scope checks. docs/posthog-api.md §0 "Authentication"
// and "Scope rules"; the scope each route needs is declared next to the route (§5).
const errors = require('./errors');

// PersonalAPIKeyAuthentication only looks at `Authorization: Bearer <key>` (case-sensitive).
const BEARER_RE = /^Bearer\s+(\S.+)$/;

/**
 * Returns `{ key, scopes, scopedTeams }` for a known key. A missing or non-Bearer
 * header is "not authenticated"; any unknown key (including `phc_` project keys) is
 * "authentication failed".
 */
function authenticate(req, state) {
	const header = req.headers.authorization;
	const match = typeof header === 'string' ? BEARER_RE.exec(header) : null;
	if (!match) throw errors.notAuthenticated();
	const key = match[1];
	const entry = Object.prototype.hasOwnProperty.call(state.keys, key) ? state.keys[key] : undefined;
	if (!entry) throw errors.authenticationFailed();
	return { key, ...entry };
}

/**
 * `*` passes everything, `x:write` implies `x:read`, and a legacy key with no scopes at
 * all (`scopes` null or undefined) passes everything (§0 "Scope rules").
 */
function hasScope(scopes, required) {
	if (scopes === null || scopes === undefined || scopes.includes('*')) return true;
	if (scopes.includes(required)) return true;
	const [object, level] = required.split(':');
	return level === 'read' && scopes.includes(`${object}:write`);
}

function requireScope(auth, required) {
	if (!hasScope(auth.scopes, required)) {
		throw errors.permissionDenied(`API key missing required scope '${required}'`);
	}
}

/** Keys limited to some projects (`scopedTeams: [ids]`) are refused others (§0 "@current"). */
function requireProjectAccess(auth, projectId) {
	if (Array.isArray(auth.scopedTeams) && !auth.scopedTeams.includes(projectId)) {
		throw errors.permissionDenied(
			`API key does not have access to the requested project: ID ${projectId}.`,
		);
	}
}

module.exports = { authenticate, hasScope, requireScope, requireProjectAccess };
