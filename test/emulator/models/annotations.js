'use strict';
// Annotations: the queryset every action reads (org-wide rows of sibling projects included,
// query filters applied even on get/patch), the serializer and body validation.
// docs/posthog-api-part2.md §9; `products/annotations/backend/api/annotation.py`.
const errors = require('../errors');
const {
	isPlainObject,
	serializerData,
	charField,
	integerField,
	dateTimeField,
	pyInt,
} = require('../validate');
const { parseIsoMicros } = require('../time');
const { booleanField, choiceField, stringListField } = require('./drfFields');
const { userBasic } = require('./userBasic');

const SCOPES = ['dashboard_item', 'dashboard', 'project', 'organization', 'recording', 'tag'];
const CREATION_TYPES = ['USR', 'GIT'];

const insightById = (state, id) => state.insights.find((i) => i.id === id);
const dashboardById = (state, id) =>
	[...state.objects, ...state.deleted].find((o) => o.type === 'dashboard' && o.ref === String(id));
const isDeletedDashboard = (state, id) =>
	state.deleted.some((o) => o.type === 'dashboard' && o.ref === String(id));

function serializeAnnotation(ctx, a) {
	const insight = a.dashboard_item === null ? undefined : insightById(ctx.state, a.dashboard_item);
	const dashboard = a.dashboard_id === null ? undefined : dashboardById(ctx.state, a.dashboard_id);
	return {
		id: a.id,
		content: a.content,
		date_marker: a.date_marker,
		creation_type: a.creation_type,
		dashboard_item: a.dashboard_item,
		dashboard_id: a.dashboard_id,
		dashboard_name: dashboard ? dashboard.name : null,
		insight_short_id: insight ? insight.short_id : null,
		insight_name: insight ? insight.name : null,
		insight_derived_name: insight ? insight.derived_name : null,
		created_by: a.created_by === null ? null : userBasic(ctx.state),
		created_at: a.created_at,
		updated_at: a.updated_at,
		deleted: a.deleted,
		scope: a.scope,
		emoji: a.emoji,
		hidden_in_user_interface: a.hidden_in_user_interface,
		tags: a.tags,
	};
}

/** Python `datetime.fromisoformat(value.replace("Z", "+00:00"))`, or a 400 naming the bound. */
function dateBound(ctx, name) {
	const text = ctx.query[name];
	if (!text) return null;
	const micros = parseIsoMicros(text);
	if (micros === null)
		throw errors.validation(null, `Invalid date range: ${name} must be a valid ISO 8601 date`);
	return micros;
}

/** DRF SearchFilter on `content`: every whitespace/comma-separated term must be a substring. */
function matchesSearch(a, search) {
	const terms = search.replace(/,/g, ' ').split(/\s+/).filter(Boolean);
	const content = (a.content || '').toLowerCase();
	return terms.every((t) => content.includes(t.toLowerCase()));
}

/**
 * `safely_get_queryset` + the parent lookup + SearchFilter, for `action` list, retrieve,
 * partial_update or update. Only partial_update sees deleted rows (that is how a PATCH
 * {deleted:false} restores one); rows on a soft-deleted insight or dashboard are hidden.
 */
function annotationQueryset(ctx, action) {
	const { state, project } = ctx;
	let rows = state.annotations.filter(
		(a) =>
			(a.scope === 'organization' && a.organization_id === project.organization) ||
			a.project_id === project.id,
	);
	if (action !== 'partial_update') rows = rows.filter((a) => !a.deleted);
	rows = rows.filter((a) => {
		const insight = a.dashboard_item === null ? undefined : insightById(state, a.dashboard_item);
		return (
			!(insight && insight.deleted) &&
			!(a.dashboard_id !== null && isDeletedDashboard(state, a.dashboard_id))
		);
	});
	let scope = ctx.query.scope;
	if (scope) {
		scope = scope === 'insight' ? 'dashboard_item' : scope;
		if (!SCOPES.includes(scope)) throw errors.validation(null, `Invalid scope: ${scope}`);
		rows = rows.filter((a) => a.scope === scope);
	}
	const from = dateBound(ctx, 'date_from');
	const to = dateBound(ctx, 'date_to');
	const marker = (a) => (a.date_marker === null ? null : parseIsoMicros(a.date_marker));
	if (from !== null) rows = rows.filter((a) => marker(a) !== null && marker(a) >= from);
	if (to !== null) rows = rows.filter((a) => marker(a) !== null && marker(a) <= to);
	if (from !== null && to !== null && from > to) {
		throw errors.validation(null, 'Invalid date range: date_from must be before date_to');
	}
	const hidden = ctx.query.hidden_in_user_interface;
	if (hidden !== undefined) {
		const wantHidden = ['true', '1', 'yes'].includes(hidden.toLowerCase());
		rows = rows.filter((a) =>
			wantHidden ? a.hidden_in_user_interface === true : a.hidden_in_user_interface !== true,
		);
	}
	if (ctx.query.search) rows = rows.filter((a) => matchesSearch(a, ctx.query.search));
	if (action === 'list') {
		// fixed `-date_marker`; Postgres puts nulls first when descending
		rows = [...rows].sort((a, b) => {
			const [x, y] = [marker(a), marker(b)];
			if (x === y) return 0;
			if (x === null) return -1;
			if (y === null) return 1;
			return y - x;
		});
	}
	return rows;
}

/** `get_object()`: an unknown, non-numeric or filtered-out id is a 404. */
function getAnnotation(ctx, action) {
	const id = /^\d+$/.test(ctx.params.id) ? Number(ctx.params.id) : null;
	const annotation = annotationQueryset(ctx, action).find((a) => a.id === id);
	if (!annotation) throw errors.notFound();
	return annotation;
}

/** TeamScopedPrimaryKeyRelatedField over live insights of the project. */
function insightField(ctx, data) {
	if (!('dashboard_item' in data) || data.dashboard_item === null) return data.dashboard_item;
	const value = data.dashboard_item;
	const pk = typeof value === 'boolean' ? null : pyInt(value);
	if (pk === null) {
		const type =
			typeof value === 'string'
				? 'str'
				: typeof value === 'boolean'
					? 'bool'
					: isPlainObject(value)
						? 'dict'
						: 'list';
		throw errors.validation(
			'dashboard_item',
			`Incorrect type. Expected pk value, received ${type}.`,
			'incorrect_type',
		);
	}
	const insight = ctx.state.insights.find(
		(i) => i.project_id === ctx.project.id && i.id === pk && !i.deleted,
	);
	if (!insight)
		throw errors.validation(
			'dashboard_item',
			`Invalid pk "${pk}" - object does not exist.`,
			'does_not_exist',
		);
	return pk;
}

/** Every field is optional; fields are checked in the serializer's order, then `validate()`. */
function validateAnnotationBody(ctx, body, instance = null) {
	const data = serializerData(body);
	const out = {};
	const set = (name, value) => {
		if (value !== undefined) out[name] = value;
	};
	if ('content' in data)
		out.content =
			data.content === null
				? null
				: charField(data, 'content', { allowBlank: true, maxLength: 8192 });
	if ('date_marker' in data)
		out.date_marker = data.date_marker === null ? null : dateTimeField(data, 'date_marker');
	set('creation_type', choiceField(data, 'creation_type', CREATION_TYPES));
	set('dashboard_item', insightField(ctx, data));
	if ('dashboard_id' in data)
		out.dashboard_id = data.dashboard_id === null ? null : integerField(data, 'dashboard_id');
	set('deleted', booleanField(data, 'deleted'));
	set('scope', choiceField(data, 'scope', SCOPES));
	if ('emoji' in data)
		out.emoji =
			data.emoji === null
				? null
				: charField(data, 'emoji', { allowBlank: true, maxLength: 16 }) || null;
	set(
		'hidden_in_user_interface',
		booleanField(data, 'hidden_in_user_interface', { allowNull: true }),
	);
	set('tags', stringListField(data, 'tags', { maxItems: 100, maxLength: 255 }));

	if (out.dashboard_id !== undefined && out.dashboard_id !== null) {
		const live = ctx.state.objects.some(
			(o) =>
				o.project_id === ctx.project.id &&
				o.type === 'dashboard' &&
				o.ref === String(out.dashboard_id),
		);
		if (!live) throw errors.validation('dashboard_id', 'Dashboard not found.');
	}
	if (out.scope === 'recording') throw errors.validation(null, 'Recording scope is deprecated');
	const scope = 'scope' in out ? out.scope : instance ? instance.scope : null;
	if (scope === 'tag') {
		const tags = 'tags' in out ? out.tags : instance ? instance.tags : null;
		if (!tags || !tags.length)
			throw errors.validation('tags', "At least one tag is required when scope is 'tag'.");
	} else if (out.tags && out.tags.length) {
		throw errors.validation('tags', "Tags can only be set when scope is 'tag'.");
	}
	return out;
}

module.exports = { serializeAnnotation, annotationQueryset, getAnnotation, validateAnnotationBody };
