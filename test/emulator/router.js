'use strict';
// Route tables: `{ method, path, scope, handler, enabled? }`, where `path` is PostHog's
// real path with `:name` placeholders. Like DRF's router, a placeholder matches one
// segment without "/" or "." (`[^/.]+`).

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compileRoutes(routes) {
	return routes.map((route) => {
		const names = [];
		const pattern = route.path
			.split('/')
			.map((segment) => {
				if (!segment.startsWith(':')) return escapeRegExp(segment);
				names.push(segment.slice(1));
				return '([^/.]+)';
			})
			.join('/');
		return { ...route, names, regex: new RegExp(`^${pattern}$`) };
	});
}

/** Every enabled route whose path matches, with its params (the caller then picks by method). */
function matchRoutes(routes, path, state) {
	const matches = [];
	for (const route of routes) {
		if (route.enabled && !route.enabled(state)) continue;
		const m = route.regex.exec(path);
		if (!m) continue;
		const params = {};
		route.names.forEach((name, i) => (params[name] = m[i + 1]));
		matches.push({ route, params });
	}
	return matches;
}

module.exports = { compileRoutes, matchRoutes };
