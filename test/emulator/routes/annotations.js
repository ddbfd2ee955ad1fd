'use strict';
// annotations/: list, get, create, update (soft delete is PATCH {deleted:true}), and
// DELETE → 405 with no body. docs/posthog-api-part2.md §9, §11.
const errors = require('../errors');
const { json } = require('../respond');
const { limitOffsetPage } = require('../pagination');
const { isoFromDate } = require('../time');
const a = require('../models/annotations');

const DEFAULT_LIMIT = 1000; // AnnotationsLimitOffsetPagination, no maximum

function listAnnotations(ctx) {
	const rows = a.annotationQueryset(ctx, 'list').map((row) => a.serializeAnnotation(ctx, row));
	return json(200, limitOffsetPage(ctx, rows, DEFAULT_LIMIT));
}

const retrieveAnnotation = (ctx) =>
	json(200, a.serializeAnnotation(ctx, a.getAnnotation(ctx, 'retrieve')));

// No server defaults beyond the model's: `scope` falls back to `dashboard_item` and
// `date_marker` to null (part2 §9.3, §11.1).
function createAnnotation(ctx) {
	const fields = a.validateAnnotationBody(ctx, ctx.body());
	const now = isoFromDate(ctx.now());
	const annotation = {
		id: ctx.state.nextIds.annotation++,
		project_id: ctx.project.id,
		organization_id: ctx.project.organization,
		content: null,
		date_marker: null,
		creation_type: 'USR',
		dashboard_item: null,
		dashboard_id: null,
		created_by: ctx.state.user.id,
		created_at: now,
		updated_at: now,
		deleted: false,
		scope: 'dashboard_item',
		emoji: null,
		hidden_in_user_interface: null,
		tags: [],
		...fields,
	};
	ctx.state.annotations.push(annotation);
	return json(201, a.serializeAnnotation(ctx, annotation));
}

// `update` moves the row to the project in the URL, even an org-scoped one (part2 §9.1, §11.4).
function updateAnnotation(ctx, action) {
	const annotation = a.getAnnotation(ctx, action);
	const fields = a.validateAnnotationBody(ctx, ctx.body(), annotation);
	Object.assign(annotation, fields, {
		project_id: ctx.project.id,
		updated_at: isoFromDate(ctx.now()),
	});
	return json(200, a.serializeAnnotation(ctx, annotation));
}

const base = '/api/projects/:projectId/annotations';

module.exports = {
	routes: [
		{ method: 'GET', path: `${base}/`, scope: 'annotation:read', handler: listAnnotations },
		{ method: 'POST', path: `${base}/`, scope: 'annotation:write', handler: createAnnotation },
		{ method: 'GET', path: `${base}/:id/`, scope: 'annotation:read', handler: retrieveAnnotation },
		{
			method: 'PATCH',
			path: `${base}/:id/`,
			scope: 'annotation:write',
			handler: (ctx) => updateAnnotation(ctx, 'partial_update'),
		},
		{
			method: 'PUT',
			path: `${base}/:id/`,
			scope: 'annotation:write',
			handler: (ctx) => updateAnnotation(ctx, 'update'),
		},
		// ForbidDestroyModel: 405 with an empty body, for any id (the object is never looked up)
		{
			method: 'DELETE',
			path: `${base}/:id/`,
			scope: 'annotation:write',
			handler: () => {
				throw errors.forbidDestroy();
			},
		},
	],
};
