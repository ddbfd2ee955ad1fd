'use strict';
// The file-system actions that reach the objects behind the tree: undo_delete restores
// soft-deleted objects (§1.6), unfiled files objects that have no row yet (§1.7).
const errors = require('../errors');
const { json } = require('../respond');
const { serializerData, charField, queryData, pyTypeName } = require('../validate');
const fs = require('../models/fileSystem');
const { refusedOnOlderServers } = require('./fileSystem');

const RESTORABLE_TYPES = [
	'action',
	'dashboard',
	'feature_flag',
	'experiment',
	'insight',
	'session_recording_playlist',
	'cohort',
];
const isRestorable = (type) => RESTORABLE_TYPES.includes(type) || type.startsWith('hog_function/');

/** UndoDeleteRequestSerializer: `items` is a list of `{type, ref, path?}`. */
function parseUndoItems(body) {
	const data = serializerData(body);
	const items = data.items;
	if (items === undefined) throw errors.required('items');
	if (items === null) throw errors.validation('items', 'This field may not be null.', 'null');
	if (!Array.isArray(items)) {
		throw errors.validation(
			'items__non_field_errors',
			`Expected a list of items but got type "${pyTypeName(items)}".`,
			'not_a_list',
		);
	}
	return items.map((raw, i) => {
		const item = serializerData(raw, `items__${i}`);
		return {
			type: charField(item, 'type', { attr: `items__${i}__type` }),
			ref: charField(item, 'ref', { attr: `items__${i}__ref` }),
			path: charField(item, 'path', {
				required: false,
				allowBlank: true,
				attr: `items__${i}__path`,
			}),
		};
	});
}

/** The row a restored or newly filed object gets: the given path, else its Unfiled folder. */
function fileObject(ctx, object, path) {
	const folder = fs.UNFILED_FOLDERS[object.type] || 'Unfiled';
	const finalPath = path || `${folder}/${fs.escapeSegment(object.name)}`;
	const now = ctx.now();
	fs.ensureParentFolders(ctx.state, ctx.project.id, finalPath, now);
	return fs.createEntry(
		ctx.state,
		ctx.project.id,
		{
			path: finalPath,
			type: object.type,
			ref: object.ref,
			href: fs.hrefFor(object.type, object.ref),
			meta: { created_at: object.created_at, created_by: ctx.state.user.id },
			created_at: object.created_at,
		},
		now,
	);
}

function undoDelete(ctx) {
	const items = parseUndoItems(ctx.body());
	// atomic (§1.6): every item is checked before anything is restored
	const targets = items.map((item) => {
		const target =
			isRestorable(item.type) &&
			ctx.state.deleted.find(
				(d) => d.project_id === ctx.project.id && d.type === item.type && d.ref === item.ref,
			);
		if (!target)
			throw errors.validation('detail', 'An internal error occurred during undo delete.');
		return target;
	});
	if (new Set(targets).size !== targets.length) {
		// the second restore of the same object fails inside the transaction
		throw errors.validation('detail', 'An internal error occurred during undo delete.');
	}
	targets.forEach((target, i) => {
		ctx.state.deleted.splice(ctx.state.deleted.indexOf(target), 1);
		const object = {
			type: target.type,
			ref: target.ref,
			name: target.name,
			created_at: target.created_at || target.deleted_at,
		};
		const insight =
			object.type === 'insight' &&
			ctx.state.insights.find((x) => x.project_id === ctx.project.id && x.short_id === object.ref);
		if (insight) insight.deleted = false;
		else ctx.state.objects.push({ project_id: ctx.project.id, ...object });
		fileObject(ctx, object, items[i].path);
	});
	return json(200, { undone: items.map(({ type, ref }) => ({ type, ref })) });
}

/** Live objects that can appear in the tree: saved insights (ref = short_id) and the rest. */
function liveObjects(ctx) {
	const insights = ctx.state.insights
		.filter((i) => i.project_id === ctx.project.id && !i.deleted && i.saved)
		.map((i) => ({
			type: 'insight',
			ref: i.short_id,
			name: i.name || i.derived_name || 'Untitled',
			created_at: i.created_at,
		}));
	return [...insights, ...ctx.state.objects.filter((o) => o.project_id === ctx.project.id)];
}

// §1.7: a GET with a read scope that CREATES rows; count = rows created. Unknown type → 0.
function unfiled(ctx) {
	const type = charField(queryData(ctx.query, []), 'type', { required: false, allowBlank: true });
	const rows = fs.entriesOf(ctx.state, ctx.project.id);
	const hasRow = (o) =>
		rows.some((row) => row.type === o.type && row.ref === o.ref && !row.shortcut);
	const toFile = liveObjects(ctx).filter(
		(o) => (!type || o.type === type) && fs.UNFILED_FOLDERS[o.type] && !hasRow(o),
	);
	for (const object of toFile) fileObject(ctx, object);
	// `_retroactively_fix_folders_and_depth`: repair parents and depths of every row
	for (const row of fs.entriesOf(ctx.state, ctx.project.id)) {
		row.depth = fs.depthOf(row.path);
		fs.ensureParentFolders(ctx.state, ctx.project.id, row.path, ctx.now());
	}
	return json(200, { count: toFile.length });
}

const base = '/api/projects/:projectId/file_system';

module.exports = {
	routes: [
		{
			method: 'POST',
			path: `${base}/undo_delete/`,
			scope: 'file_system:write',
			handler: undoDelete,
			// older servers have no undo_delete action: 404
			enabled: (state) => state.fileSystemKeyActions !== false,
		},
		{
			method: 'GET',
			path: `${base}/unfiled/`,
			scope: 'file_system:read',
			handler: refusedOnOlderServers(unfiled),
		},
	],
};
