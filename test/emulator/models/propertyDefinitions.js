'use strict';
// Group property definitions, which PostHog upserts whenever a group property is written
// through the API (groups create / update_property). docs/posthog-api.md §2.2, §2.6, §2.9.
const { fixedUuid } = require('../ids');

/** `detect_group_property_type` in ee/clickhouse/views/groups.py. */
function detectPropertyType(value) {
	if (typeof value === 'boolean') return 'Boolean';
	if (typeof value === 'number') return 'Numeric';
	if (typeof value === 'string' && ['true', 'false'].includes(value.toLowerCase()))
		return 'Boolean';
	return 'String';
}

function upsertGroupPropertyDefinition(state, projectId, groupTypeIndex, name, value) {
	const propertyType = detectPropertyType(value);
	const existing = state.propertyDefinitions.find(
		(d) =>
			d.project_id === projectId &&
			d.type === 'group' &&
			d.group_type_index === groupTypeIndex &&
			d.name === name,
	);
	if (existing) {
		existing.property_type = propertyType;
		existing.is_numerical = propertyType === 'Numeric';
		return existing;
	}
	const definition = {
		project_id: projectId,
		id: fixedUuid('0193a1b6', state.nextIds.propertyDefinition++),
		name,
		property_type: propertyType,
		is_numerical: propertyType === 'Numeric',
		type: 'group',
		group_type_index: groupTypeIndex,
	};
	state.propertyDefinitions.push(definition);
	return definition;
}

function upsertForProperties(state, projectId, groupTypeIndex, properties) {
	for (const [name, value] of Object.entries(properties || {})) {
		upsertGroupPropertyDefinition(state, projectId, groupTypeIndex, name, value);
	}
}

const serializePropertyDefinition = (d) => ({
	id: d.id,
	name: d.name,
	property_type: d.property_type,
	is_numerical: d.is_numerical,
	type: d.type,
	group_type_index: d.group_type_index,
});

module.exports = {
	detectPropertyType,
	upsertGroupPropertyDefinition,
	upsertForProperties,
	serializePropertyDefinition,
};
