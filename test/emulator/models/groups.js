'use strict';
// Groups, group types and the group activity log. docs/posthog-api.md §2.
const errors = require('../errors');
const { pyInt } = require('../validate');
const { uuid7 } = require('../ids');
const { parseIsoMicros, isoFromDate } = require('../time');

/** GroupSerializer: the internal `id` and `project_id` are not part of the API. */
const serializeGroup = (g) => ({
	group_type_index: g.group_type_index,
	group_key: g.group_key,
	group_properties: g.group_properties,
	created_at: g.created_at,
});

const groupsOf = (state, projectId) => state.groups.filter((g) => g.project_id === projectId);

const findGroup = (state, projectId, index, key) =>
	groupsOf(state, projectId).find((g) => g.group_type_index === index && g.group_key === key);

const groupTypesOf = (state, projectId) =>
	state.groupTypes
		.filter((t) => t.project_id === projectId)
		.sort((a, b) => a.group_type_index - b.group_type_index);

const groupTypeMapping = (state, projectId, index) =>
	groupTypesOf(state, projectId).find((t) => t.group_type_index === index);

const compareKeys = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/** The list's order (docs/posthog-api-part2.md §1.1): `created_at DESC, key DESC`, in µs. */
const compareNewestFirst = (a, b) =>
	parseIsoMicros(b.created_at) - parseIsoMicros(a.created_at) ||
	compareKeys(b.group_key, a.group_key);

/** Whether `group` comes after the keyset cursor `[createdAtMicros, groupKey]` in that order. */
function isAfterCursor(group, [micros, key]) {
	const at = parseIsoMicros(group.created_at);
	return at < micros || (at === micros && group.group_key < key);
}

/**
 * `_safely_get_query_params` + `get_object` of GroupsViewSet: both params required
 * (400 "This query parameter is required."), a non-integer index is an unhandled
 * `int()` ValueError (500), and an unknown group is a plain 404.
 */
function getGroupFromQuery(ctx) {
	const { group_type_index: indexText, group_key: key } = ctx.query;
	if (!indexText) throw errors.queryParamRequired('group_type_index');
	if (!key) throw errors.queryParamRequired('group_key');
	const index = pyInt(indexText);
	if (index === null) throw errors.serverError();
	const group = findGroup(ctx.state, ctx.project.id, index, key);
	if (!group) throw errors.notFound();
	return group;
}

/**
 * The `$groupidentify` step: it looks the group type up and 404s when the index has no
 * mapping, after the caller already saved the group (§2.2).
 */
function requireGroupTypeMapping(ctx, index) {
	if (!groupTypeMapping(ctx.state, ctx.project.id, index)) throw errors.notFound();
}

/** Appends an ActivityLogEntry for a group (§2.3). */
function logGroupActivity(ctx, group, activity, name, change) {
	const now = ctx.now();
	const { first_name, email } = ctx.state.user;
	ctx.state.activity.push({
		project_id: ctx.project.id,
		id: uuid7(now),
		user: { first_name, email },
		activity,
		scope: 'Group',
		item_id: String(group.id),
		detail: {
			id: null,
			changes: [
				{
					type: 'Group',
					action: change.action,
					field: null,
					before: change.before ?? null,
					after: change.after ?? null,
				},
			],
			merge: null,
			trigger: null,
			name,
			short_id: null,
			type: null,
		},
		created_at: isoFromDate(now),
	});
}

const serializeActivity = ({ project_id, ...entry }) => entry;

module.exports = {
	serializeGroup,
	groupsOf,
	findGroup,
	groupTypesOf,
	groupTypeMapping,
	compareNewestFirst,
	isAfterCursor,
	getGroupFromQuery,
	requireGroupTypeMapping,
	logGroupActivity,
	serializeActivity,
};
