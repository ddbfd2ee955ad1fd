'use strict';
// File-system rows (the project tree): paths, parent folders, serialization.
// docs/posthog-api.md §1 "Entry object".
const { uuid7, normalizeUuid } = require('../ids');
const { isoFromDate } = require('../time');

/** `split_path`: segments of a path, where "\/" is a slash inside a name and "\\" a backslash. */
function splitPath(path) {
	const segments = [];
	let current = '';
	for (let i = 0; i < path.length; i++) {
		const c = path[i];
		if (c === '\\' && i + 1 < path.length) {
			current += path[++i];
		} else if (c === '/') {
			segments.push(current);
			current = '';
		} else {
			current += c;
		}
	}
	segments.push(current);
	return segments.filter((s) => s !== '');
}

const escapeSegment = (name) => name.replace(/\\/g, '\\\\').replace(/\//g, '\\/');
const joinPath = (segments) => segments.map(escapeSegment).join('/');
const depthOf = (path) => splitPath(path).length;

// Where PostHog files an object that has no row yet (§1.7) or is restored without a path (§1.6).
const UNFILED_FOLDERS = {
	insight: 'Unfiled/Insights',
	dashboard: 'Unfiled/Dashboards',
	feature_flag: 'Unfiled/Feature Flags',
	experiment: 'Unfiled/Experiments',
	notebook: 'Unfiled/Notebooks',
	cohort: 'Unfiled/Cohorts',
	action: 'Unfiled/Actions',
	session_recording_playlist: 'Unfiled/Replay playlists',
	'hog_function/destination': 'Unfiled/Destinations',
	'hog_function/site_app': 'Unfiled/Site apps',
	'hog_function/transformation': 'Unfiled/Transformations',
	'hog_function/source': 'Unfiled/Sources',
};

/** The UI link of an object, as stored in a row's `href`. */
function hrefFor(type, ref) {
	if (type.startsWith('hog_function/')) return `/functions/${ref}`;
	const base = {
		insight: '/insights/',
		dashboard: '/dashboard/',
		feature_flag: '/feature_flags/',
		experiment: '/experiments/',
		notebook: '/notebooks/',
		cohort: '/cohorts/',
		action: '/data-management/actions/',
		session_recording_playlist: '/replay/playlists/',
	}[type];
	return base ? base + ref : null;
}

const entriesOf = (state, projectId) =>
	state.fileSystem.filter((row) => row.project_id === projectId);

function findEntry(state, projectId, id) {
	const wanted = normalizeUuid(id);
	if (!wanted) return undefined;
	return entriesOf(state, projectId).find((row) => normalizeUuid(row.id) === wanted);
}

function createEntry(state, projectId, fields, now) {
	const row = {
		project_id: projectId,
		id: uuid7(now),
		path: fields.path,
		depth: depthOf(fields.path),
		type: fields.type,
		ref: fields.ref ?? null,
		href: fields.href ?? null,
		meta: fields.meta ?? {},
		shortcut: fields.shortcut ?? false,
		created_at: fields.created_at ?? isoFromDate(now),
	};
	state.fileSystem.push(row);
	return row;
}

/** `_assure_parent_folders`: creates every missing folder above `path`. */
function ensureParentFolders(state, projectId, path, now) {
	const segments = splitPath(path);
	for (let depth = 1; depth < segments.length; depth++) {
		const parent = joinPath(segments.slice(0, depth));
		if (!entriesOf(state, projectId).some((row) => row.path === parent)) {
			createEntry(state, projectId, { path: parent, type: 'folder' }, now);
		}
	}
}

/** FileSystemSerializer. `last_viewed_at` and `user_access_level` are null outside list views (§1). */
const serializeEntry = (row) => ({
	id: row.id,
	path: row.path,
	depth: row.depth,
	type: row.type,
	ref: row.ref,
	href: row.href,
	meta: row.meta,
	shortcut: row.shortcut,
	created_at: row.created_at,
	last_viewed_at: null,
	user_access_level: null,
});

module.exports = {
	splitPath,
	joinPath,
	escapeSegment,
	depthOf,
	UNFILED_FOLDERS,
	hrefFor,
	entriesOf,
	findEntry,
	createEntry,
	ensureParentFolders,
	serializeEntry,
};
