'use strict';
// GET /api/projects/{id}/property_definitions/: the fallback for the removed
// groups/property_definitions/ (docs/posthog-api.md §2.6). Only group definitions are
// emulated; other `type`s return an empty page.
const errors = require('../errors');
const { json } = require('../respond');
const { pyInt } = require('../validate');
const { limitOffsetPage } = require('../pagination');
const { serializePropertyDefinition } = require('../models/propertyDefinitions');

function listPropertyDefinitions(ctx) {
	const { type = 'event', group_type_index: indexText, search = '' } = ctx.query;
	let index;
	if (indexText !== undefined && indexText !== '') {
		index = pyInt(indexText);
		if (index === null) throw errors.validation('group_type_index', 'A valid integer is required.');
	}
	// PropertyDefinitionQuerySerializer.validate: group definitions are listed one type at a time.
	if (type === 'group' && index === undefined) {
		throw errors.validation(null, '`group_type_index` must be set for `group` type');
	}
	const needle = search.toLowerCase();
	const definitions = ctx.state.propertyDefinitions
		.filter((d) => d.project_id === ctx.project.id && d.type === type)
		.filter((d) => index === undefined || d.group_type_index === index)
		.filter((d) => !needle || d.name.toLowerCase().includes(needle))
		.sort((a, b) => a.name.localeCompare(b.name) || a.group_type_index - b.group_type_index)
		.map(serializePropertyDefinition);
	return json(200, limitOffsetPage(ctx, definitions));
}

module.exports = {
	routes: [
		{
			method: 'GET',
			path: '/api/projects/:projectId/property_definitions/',
			scope: 'property_definition:read',
			handler: listPropertyDefinitions,
		},
	],
};
