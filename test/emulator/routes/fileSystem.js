'use strict';
// File-system tree actions on rows: move, link, count_by_path. docs/posthog-api.md §1.1–§1.3.
const errors = require('../errors');
const { json } = require('../respond');
const { viewData } = require('../validate');
const fs = require('../models/fileSystem');

const PREVIEW_LIMIT = 200;

/**
 * Older servers (`file_system.py` at e8f3fd57) name no custom actions in
 * `scope_object_read/write_actions`, so a personal key gets 403 on every one, whatever its scopes
 * (docs/posthog-api.md §1 "Older servers"). `state.fileSystemKeyActions = false` plays them.
 */
const refusedOnOlderServers = (handler) => (ctx) => {
	if (ctx.state.fileSystemKeyActions === false)
		throw errors.permissionDenied('This action does not support Personal API Key access');
	return handler(ctx);
};

/** `get_object()`: an unknown or non-uuid id is a standard 404. */
function getEntry(ctx) {
	const row = fs.findEntry(ctx.state, ctx.project.id, ctx.params.id);
	if (!row) throw errors.notFound();
	return row;
}

/** Only `new_path` is read; a missing one is a raw `{"detail"}` 400 (§1.1). */
function requireNewPath(ctx) {
	const newPath = viewData(ctx.body()).new_path;
	if (!newPath) throw errors.rawDetail(400, 'new_path is required');
	if (typeof newPath !== 'string') throw errors.serverError();
	return newPath;
}

const descendantsOf = (ctx, folder) =>
	fs.entriesOf(ctx.state, ctx.project.id).filter((row) => row.path.startsWith(`${folder.path}/`));

const folderExistsAt = (ctx, path) =>
	fs.entriesOf(ctx.state, ctx.project.id).some((row) => row.path === path && row.type === 'folder');

function setPath(row, path) {
	row.path = path;
	row.depth = fs.depthOf(path);
}

function move(ctx) {
	const row = getEntry(ctx);
	const newPath = requireNewPath(ctx);
	fs.ensureParentFolders(ctx.state, ctx.project.id, newPath, ctx.now());
	if (row.type === 'folder') {
		// only an identical path counts as "into itself" in PostHog's check
		if (newPath === row.path) throw errors.rawDetail(400, 'Cannot move folder into itself');
		for (const child of descendantsOf(ctx, row))
			setPath(child, newPath + child.path.slice(row.path.length));
		if (folderExistsAt(ctx, newPath)) {
			// §1.1: merged into the existing folder; the deleted source row comes back with id null
			ctx.state.fileSystem.splice(ctx.state.fileSystem.indexOf(row), 1);
			return json(200, { ...fs.serializeEntry(row), id: null });
		}
	}
	setPath(row, newPath);
	return json(200, fs.serializeEntry(row));
}

function link(ctx) {
	const row = getEntry(ctx);
	const newPath = requireNewPath(ctx);
	const now = ctx.now();
	fs.ensureParentFolders(ctx.state, ctx.project.id, newPath, now);
	// §1.2: a copy with a new id and shortcut=true
	const shortcutOf = (source, path) =>
		fs.createEntry(
			ctx.state,
			ctx.project.id,
			{
				path,
				type: source.type,
				ref: source.ref,
				href: source.href,
				meta: { ...source.meta },
				shortcut: true,
			},
			now,
		);
	if (row.type === 'folder') {
		if (newPath === row.path) throw errors.rawDetail(400, 'Cannot link folder into itself');
		for (const child of descendantsOf(ctx, row))
			shortcutOf(child, newPath + child.path.slice(row.path.length));
		// a folder already at the target: the original row is returned
		if (folderExistsAt(ctx, newPath)) return json(200, fs.serializeEntry(row));
	}
	return json(200, fs.serializeEntry(shortcutOf(row, newPath)));
}

// §1.3: the folder comes from the QUERY STRING; the body is never read.
function countByPath(ctx) {
	const path = ctx.query.path;
	if (!path) throw errors.rawDetail(400, 'path parameter is required');
	const rows = fs
		.entriesOf(ctx.state, ctx.project.id)
		.filter((row) => row.path.startsWith(`${path}/`))
		.sort((a, b) => a.depth - b.depth || a.path.localeCompare(b.path, 'en'));
	return json(200, {
		count: rows.length,
		entries: rows.slice(0, PREVIEW_LIMIT).map(fs.serializeEntry),
		has_more: rows.length > PREVIEW_LIMIT,
	});
}

const base = '/api/projects/:projectId/file_system';

module.exports = {
	routes: [
		{
			method: 'POST',
			path: `${base}/:id/move/`,
			scope: 'file_system:write',
			handler: refusedOnOlderServers(move),
		},
		{
			method: 'POST',
			path: `${base}/:id/link/`,
			scope: 'file_system:write',
			handler: refusedOnOlderServers(link),
		},
		{
			method: 'POST',
			path: `${base}/count_by_path/`,
			scope: 'file_system:read',
			handler: refusedOnOlderServers(countByPath),
		},
	],
	refusedOnOlderServers,
};
