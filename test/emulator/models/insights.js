'use strict';
// Insights: serializers for the list endpoint and the lookup the sharing routes use.
const errors = require('../errors');
const { pyInt } = require('../validate');

function createdBy(state) {
	const { id, uuid, distinct_id, first_name, last_name, email, is_email_verified } = state.user;
	return { id, uuid, distinct_id, first_name, last_name, email, is_email_verified, hedgehog_config: null, role_at_organization: null };
}

/** InsightBasicSerializer (`?basic=true`): light objects for dropdowns (§4). */
const serializeInsightBasic = (state, i) => ({
	id: i.id,
	short_id: i.short_id,
	name: i.name,
	derived_name: i.derived_name,
	favorited: i.favorited,
	query: i.query,
	dashboards: i.dashboards,
	description: i.description,
	last_refresh: null,
	refreshing: false,
	saved: i.saved,
	tags: i.tags,
	updated_at: i.last_modified_at,
	created_by: createdBy(state),
	created_at: i.created_at,
	last_modified_at: i.last_modified_at,
	user_access_level: i.user_access_level,
});

/** InsightSerializer (a subset: results are never computed here). */
const serializeInsight = (state, i) => ({
	...serializeInsightBasic(state, i),
	order: i.order,
	deleted: i.deleted,
	result: null,
	last_modified_by: createdBy(state),
	is_sample: false,
	effective_restriction_level: 21,
	effective_privilege_level: 37,
	timezone: 'UTC',
	is_cached: false,
});

/**
 * `Insight.objects.get(id=insight_id)` as the sharing viewset does it (§3): a
 * non-numeric id is an unhandled ValueError (500), an unknown or soft-deleted one
 * is 404 "Insight not found.".
 */
function getInsightForSharing(ctx) {
	const id = pyInt(ctx.params.insightId);
	if (id === null) throw errors.serverError();
	const insight = ctx.state.insights.find((i) => i.project_id === ctx.project.id && i.id === id && !i.deleted);
	if (!insight) throw errors.notFound('Insight not found.');
	return insight;
}

module.exports = { serializeInsightBasic, serializeInsight, getInsightForSharing };
