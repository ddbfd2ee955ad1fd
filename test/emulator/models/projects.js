'use strict';
// Projects and the `projects/{id}` path parameter. docs/posthog-api.md §0 "@current", §4.
const errors = require('../errors');

/** ProjectBackwardCompatBasicSerializer (a subset; the full field list is unverified, §4). */
const serializeProject = (p) => ({
	id: p.id,
	uuid: p.uuid,
	organization: p.organization,
	api_token: p.api_token,
	name: p.name,
	completed_snippet_onboarding: p.completed_snippet_onboarding,
	has_completed_onboarding_for: p.has_completed_onboarding_for,
	ingested_event: p.ingested_event,
	is_demo: p.is_demo,
	timezone: p.timezone,
	access_control: p.access_control,
});

/** `@current` is the project the key's user last selected in the UI (§0). */
function resolveProject(state, rawId) {
	const id =
		rawId === '@current'
			? state.user.current_project_id
			: /^\d+$/.test(rawId)
				? Number(rawId)
				: null;
	const project = state.projects.find((p) => p.id === id);
	if (!project) throw errors.notFound('Project not found.');
	return project;
}

module.exports = { serializeProject, resolveProject };
