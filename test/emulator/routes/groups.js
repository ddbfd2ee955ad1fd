'use strict';
// groups/: list, create, find, update_property, delete_property. docs/posthog-api.md §2.
const errors = require('../errors');
const { json } = require('../respond');
const {
	pyInt,
	strToBool,
	serializerData,
	viewData,
	charField,
	integerField,
	isPlainObject,
} = require('../validate');
const { absoluteUri, urlencode } = require('../pagination');
const { shortId } = require('../ids');
const { parseIsoMicros, isoFromDate } = require('../time');
const { encodeCursor, decodeCursor } = require('../models/groupCursor');
const {
	upsertGroupPropertyDefinition,
	upsertForProperties,
} = require('../models/propertyDefinitions');
const g = require('../models/groups');

const PAGE_SIZE = 100;

/** Python-style JSON text (", " and ": " separators) that `search` matches against. */
const propertiesText = (value) =>
	Array.isArray(value)
		? `[${value.map(propertiesText).join(', ')}]`
		: isPlainObject(value)
			? `{${Object.entries(value)
					.map(([k, v]) => `${JSON.stringify(k)}: ${propertiesText(v)}`)
					.join(', ')}}`
			: JSON.stringify(value);

// §2.1: forward-only keyset pagination, newest first (docs/posthog-api-part2.md §1.1),
// `previous` always null and no `count`.
function listGroups(ctx) {
	const indexText = ctx.query.group_type_index;
	if (!indexText) {
		throw errors.validation(
			'group_type_index',
			'You must pass ?group_type_index= in this URL. To get a list of valid group types, call /api/:project_id/groups_types/.',
		);
	}
	const index = pyInt(indexText);
	if (index === null) throw errors.validation('group_type_index', 'A valid integer is required.');
	const search = ctx.query.search || '';
	const keyFilter = ctx.query.group_key || '';
	const cursor = ctx.query.cursor ? decodeCursor(ctx.query.cursor) : null;

	const matching = g
		.groupsOf(ctx.state, ctx.project.id)
		.filter((x) => x.group_type_index === index)
		.filter((x) => x.group_key.toLowerCase().includes(keyFilter.toLowerCase()))
		.filter(
			(x) =>
				!search ||
				propertiesText(x.group_properties).toLowerCase().includes(search.toLowerCase()) ||
				x.group_key.toLowerCase() === search.toLowerCase(),
		)
		.filter((x) => !cursor || g.isAfterCursor(x, cursor))
		.sort(g.compareNewestFirst);
	const page = matching.slice(0, PAGE_SIZE);

	let next = null;
	if (matching.length > PAGE_SIZE) {
		const last = page[page.length - 1];
		const params = [
			['group_type_index', index],
			['cursor', encodeCursor(parseIsoMicros(last.created_at), last.group_key)],
		];
		if (search) params.push(['search', search]);
		if (keyFilter) params.push(['group_key', keyFilter]);
		next = absoluteUri(ctx, `${ctx.path}?${urlencode(params)}`);
	}
	return json(200, { next, previous: null, results: page.map(g.serializeGroup) });
}

// §2.2
function createGroup(ctx) {
	const data = serializerData(ctx.body());
	const index = integerField(data, 'group_type_index');
	const key = charField(data, 'group_key', { maxLength: 400 });
	const properties = data.group_properties ?? {};
	if (!isPlainObject(properties)) throw errors.serverError();
	if (g.findGroup(ctx.state, ctx.project.id, index, key)) {
		throw errors.validation('detail', 'A group with this key already exists');
	}
	const group = {
		project_id: ctx.project.id,
		id: ctx.state.nextIds.group++,
		group_type_index: index,
		group_key: key,
		group_properties: properties,
		created_at: isoFromDate(ctx.now()),
	};
	ctx.state.groups.push(group);
	// §2.2: an index with no group type 404s here, AFTER the group was saved
	g.requireGroupTypeMapping(ctx, index);
	// §2.2: a failed `$groupidentify` capture answers an error, but the row above stays saved
	if (ctx.state.groupCaptureFailure) {
		throw errors.groupCaptureFailed(
			ctx.state.groupCaptureFailure,
			'Failed to submit group create event.',
		);
	}
	upsertForProperties(ctx.state, ctx.project.id, index, properties);
	for (const [name, value] of Object.entries(properties)) {
		g.logGroupActivity(ctx, group, 'create_group', name, { action: 'created', after: value });
	}
	return json(201, g.serializeGroup(group));
}

// §2.5: without skip_create_notebook=true (and with the CRM flag on) a notebook is created.
function findGroup(ctx) {
	const group = g.getGroupFromQuery(ctx);
	const notebookOf = () =>
		ctx.state.notebooksCreated.find(
			(n) =>
				n.project_id === ctx.project.id &&
				n.group_type_index === group.group_type_index &&
				n.group_key === group.group_key,
		);
	if (!strToBool(ctx.query.skip_create_notebook) && ctx.state.crmEnabled && !notebookOf()) {
		ctx.state.notebooksCreated.push({
			project_id: ctx.project.id,
			group_type_index: group.group_type_index,
			group_key: group.group_key,
			short_id: shortId(),
			title: group.group_properties.name ? `${group.group_properties.name} Notes` : 'Notes',
			created_at: isoFromDate(ctx.now()),
		});
	}
	const notebook = notebookOf();
	return json(200, { ...g.serializeGroup(group), notebook: notebook ? notebook.short_id : null });
}

// §2.9: body `{key, value}`, one property per call.
function updateProperty(ctx) {
	const group = g.getGroupFromQuery(ctx);
	const data = viewData(ctx.body());
	const { key, value } = data;
	if (!key) throw errors.validation('key', 'This field is required.');
	if (value === null || value === undefined)
		throw errors.validation('value', 'This field is required.');
	const name = String(key);
	const isUpdate = Object.prototype.hasOwnProperty.call(group.group_properties, name);
	const before = isUpdate ? group.group_properties[name] : null;
	group.group_properties[name] = value;
	upsertGroupPropertyDefinition(ctx.state, ctx.project.id, group.group_type_index, name, value);
	g.requireGroupTypeMapping(ctx, group.group_type_index); // after the save, as in create
	g.logGroupActivity(ctx, group, isUpdate ? 'update_property' : 'create_property', name, {
		action: isUpdate ? 'changed' : 'created',
		before,
		after: value,
	});
	return json(200, g.serializeGroup(group));
}

// §2.4: body `{"$unset": name}`.
function deleteProperty(ctx) {
	const group = g.getGroupFromQuery(ctx);
	const name = viewData(ctx.body()).$unset;
	if (typeof name !== 'string') {
		throw errors.validation(
			'$unset',
			'This field is required and must be a string (the property name to delete).',
		);
	}
	if (!Object.prototype.hasOwnProperty.call(group.group_properties, name)) {
		throw errors.validation('$unset', `Property '${name}' does not exist on this group.`);
	}
	g.requireGroupTypeMapping(ctx, group.group_type_index);
	const before = group.group_properties[name];
	delete group.group_properties[name];
	g.logGroupActivity(ctx, group, 'update_property', name, { action: 'deleted', before });
	return json(200, g.serializeGroup(group));
}

const base = '/api/projects/:projectId/groups';

module.exports = {
	routes: [
		{ method: 'GET', path: `${base}/`, scope: 'group:read', handler: listGroups },
		{ method: 'POST', path: `${base}/`, scope: 'group:write', handler: createGroup },
		{ method: 'GET', path: `${base}/find/`, scope: 'group:read', handler: findGroup },
		{
			method: 'POST',
			path: `${base}/update_property/`,
			scope: 'group:write',
			handler: updateProperty,
		},
		{
			method: 'POST',
			path: `${base}/delete_property/`,
			scope: 'group:write',
			handler: deleteProperty,
		},
	],
};
