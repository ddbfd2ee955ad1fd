'use strict';
// Project-level lookups the node uses for its credential and dropdowns. docs/posthog-api.md §4.
const { json } = require('../respond');
const { limitOffsetPage } = require('../pagination');
const { serializeProject } = require('../models/projects');
const { groupTypesOf } = require('../models/groups');

function listProjects(ctx) {
	const search = (ctx.query.search || '').toLowerCase();
	const projects = ctx.state.projects
		.filter((p) => !search || p.name.toLowerCase().includes(search))
		.sort((a, b) => a.id - b.id)
		.map(serializeProject);
	return json(200, limitOffsetPage(ctx, projects));
}

// Unpaginated: a plain array (§4).
function listGroupTypes(ctx) {
	return json(
		200,
		groupTypesOf(ctx.state, ctx.project.id).map(({ project_id, ...type }) => type),
	);
}

module.exports = {
	routes: [
		{ method: 'GET', path: '/api/projects/', scope: 'project:read', handler: listProjects },
		{
			method: 'GET',
			path: '/api/projects/:projectId/groups_types/',
			scope: 'group:read',
			handler: listGroupTypes,
		},
	],
};
