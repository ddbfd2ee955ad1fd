'use strict';
// GET /api/users/@me/: the credential test. docs/posthog-api.md §4.
const { json } = require('../respond');
const { serializeProject } = require('../models/projects');

function me(ctx) {
	const { state } = ctx;
	const { current_project_id, ...user } = state.user;
	const team = state.projects.find((p) => p.id === current_project_id);
	const organization = state.organization;
	return json(200, {
		...user,
		team: team ? { ...serializeProject(team), project_id: team.id } : null,
		organization: {
			...organization,
			projects: state.projects.map((p) => ({ id: p.id, name: p.name })),
		},
		organizations: [
			{
				id: organization.id,
				name: organization.name,
				slug: organization.slug,
				membership_level: organization.membership_level,
			},
		],
	});
}

module.exports = {
	routes: [{ method: 'GET', path: '/api/users/@me/', scope: 'user:read', handler: me }],
};
