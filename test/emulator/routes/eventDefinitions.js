'use strict';
// event_definitions/: the list of the events PostHog has seen, limit/offset pages (default 100),
// `search` on the name and `event_type` event | event_custom | event_posthog, ordered
// `last_seen_at::date DESC, name ASC`. docs/posthog-api-part3.md §6.
const errors = require('../errors');
const { json } = require('../respond');
const { limitOffsetPage } = require('../pagination');

const EVENT_TYPES = {
	event: () => true,
	event_custom: (name) => !name.startsWith('$'),
	event_posthog: (name) => name.startsWith('$'),
};

const dayOf = (iso) => String(iso ?? '').slice(0, 10);

function listEventDefinitions(ctx) {
	const { search, event_type: eventType = 'event' } = ctx.query;
	const ofType = EVENT_TYPES[eventType];
	if (!ofType) throw errors.serverError(); // an unknown enum value fails its conversion
	const needle = String(search ?? '').toLowerCase();
	const rows = ctx.state.eventDefinitions
		.filter((row) => row.project_id === ctx.project.id)
		.filter((row) => ofType(row.name) && row.name.toLowerCase().includes(needle))
		.sort(
			(a, b) =>
				dayOf(b.last_seen_at).localeCompare(dayOf(a.last_seen_at)) || a.name.localeCompare(b.name),
		)
		.map(({ project_id, ...row }) => row);
	return json(200, limitOffsetPage(ctx, rows));
}

module.exports = {
	routes: [
		{
			method: 'GET',
			path: '/api/projects/:projectId/event_definitions/',
			scope: 'event_definition:read',
			handler: listEventDefinitions,
		},
	],
};
