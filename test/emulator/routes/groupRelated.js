'use strict';
// GET groups/related/: actors that shared events with a group or a person in the last
// 90 days, as a plain array. docs/posthog-api.md §2.8. Reads state.relations.
const errors = require('../errors');
const { json } = require('../respond');
const { pyInt } = require('../validate');
const { groupsOf, groupTypesOf } = require('../models/groups');

const GROUP_TYPES_LIMIT = 5;

/** `validate_group_type_index`: a plain ValidationError, so attr is null. */
function validateIndex(text) {
	if (text === undefined) return null;
	const index = pyInt(text);
	if (index === null || index < 0 || index >= GROUP_TYPES_LIMIT) {
		throw errors.validation(
			null,
			`group_type_index is required to be at least 0 and less than ${GROUP_TYPES_LIMIT}`,
		);
	}
	return index;
}

const personActor = (p) => ({
	type: 'person',
	id: p.uuid,
	uuid: p.uuid,
	name: p.properties.email || p.properties.name || p.distinct_ids[0],
	distinct_ids: p.distinct_ids,
	is_identified: p.is_identified,
	properties: p.properties,
	created_at: p.created_at,
	last_seen_at: p.last_seen_at,
	matched_recordings: [],
	value_at_data_point: null,
});

const groupActor = (group) => ({
	type: 'group',
	id: group.group_key,
	group_key: group.group_key,
	group_type_index: group.group_type_index,
	created_at: group.created_at,
	properties: group.group_properties,
	matched_recordings: [],
	value_at_data_point: null,
});

function related(ctx) {
	const { id, group_type_index: indexText } = ctx.query;
	if (!id) throw errors.queryParamRequired('id');
	const index = validateIndex(indexText);
	const { state } = ctx;
	const projectId = ctx.project.id;
	// with an index, `id` is a group_key; without, a person uuid
	const rows = state.relations.filter(
		(r) =>
			r.project_id === projectId &&
			(index === null ? r.person_id.toLowerCase() === id.toLowerCase() : r.groups[index] === id),
	);
	const persons =
		index === null
			? []
			: state.persons.filter(
					(p) => p.project_id === projectId && rows.some((r) => r.person_id === p.uuid),
				);
	const groups = [];
	for (const type of groupTypesOf(state, projectId)) {
		if (type.group_type_index === index) continue;
		const keys = new Set(rows.map((r) => r.groups[type.group_type_index]).filter(Boolean));
		groups.push(
			...groupsOf(state, projectId)
				.filter((x) => x.group_type_index === type.group_type_index && keys.has(x.group_key))
				.sort((a, b) => (a.group_key < b.group_key ? -1 : 1)),
		);
	}
	return json(200, [...persons.map(personActor), ...groups.map(groupActor)]);
}

module.exports = {
	routes: [
		{
			method: 'GET',
			path: '/api/projects/:projectId/groups/related/',
			scope: 'group:read',
			handler: related,
		},
	],
};
