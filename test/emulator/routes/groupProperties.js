'use strict';
// Group property names and values: groups/property_definitions/ (§2.6, possibly removed
// upstream) and groups/property_values/ (§2.7). docs/posthog-api.md §2.
const errors = require('../errors');
const { json } = require('../respond');
const { pyInt, isPlainObject } = require('../validate');
const { groupsOf } = require('../models/groups');

/** The old ClickHouse query: `{"<index>": [{name, count}]}`, count desc then name asc. */
function legacyPropertyDefinitions(ctx) {
	const counts = new Map();
	for (const group of groupsOf(ctx.state, ctx.project.id)) {
		const byName = counts.get(group.group_type_index) || new Map();
		for (const name of Object.keys(group.group_properties))
			byName.set(name, (byName.get(name) || 0) + 1);
		counts.set(group.group_type_index, byName);
	}
	const result = {};
	for (const index of [...counts.keys()].sort((a, b) => a - b)) {
		if (!counts.get(index).size) continue;
		result[String(index)] = [...counts.get(index)]
			.map(([name, count]) => ({ name, count }))
			.sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
	}
	return json(200, result);
}

/** ClickHouse renders a property value as text: strings bare, everything else as JSON. */
const valueText = (value) => (typeof value === 'string' ? value : JSON.stringify(value));

function propertyValues(ctx) {
	const { group_type_index: indexText, key, value: valueFilter } = ctx.query;
	if (!indexText) throw errors.queryParamRequired('group_type_index');
	if (!key) throw errors.queryParamRequired('key');
	const index = pyInt(indexText);
	if (index === null) throw errors.serverError();
	const counts = new Map();
	for (const group of groupsOf(ctx.state, ctx.project.id)) {
		if (group.group_type_index !== index || !isPlainObject(group.group_properties)) continue;
		const value = group.group_properties[key];
		if (value === undefined || value === null) continue;
		const text = valueText(value);
		if (valueFilter && !text.toLowerCase().includes(valueFilter.toLowerCase())) continue;
		counts.set(text, (counts.get(text) || 0) + 1);
	}
	const results = [...counts]
		.map(([name, count]) => ({ name, count }))
		.sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
		.slice(0, 20);
	// Mid-2025 servers answer the bare array (docs/posthog-api.md §2.7).
	if (ctx.state.propertyValuesBareArray) return json(200, results);
	return json(200, { results, refreshing: false });
}

const base = '/api/projects/:projectId/groups';

module.exports = {
	routes: [
		{
			method: 'GET',
			path: `${base}/property_definitions/`,
			scope: 'group:read',
			handler: legacyPropertyDefinitions,
			// state.legacyGroupPropertyDefinitions=false: the route is gone, as on current cloud (§2.6)
			enabled: (state) => state.legacyGroupPropertyDefinitions,
		},
		{
			method: 'GET',
			path: `${base}/property_values/`,
			scope: 'group:read',
			handler: propertyValues,
		},
	],
};
