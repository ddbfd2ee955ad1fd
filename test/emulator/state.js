'use strict';
// The emulator's mutable in-memory data: creation, reset, and helpers tests use to grow it.
const { SEED, buildSeedState } = require('./seed');
const { parseIsoMicros, isoFromMicros } = require('./time');
const { upsertForProperties } = require('./models/propertyDefinitions');

const createState = (apiKey) => buildSeedState(apiKey);

/** Re-seeds `state` in place, so references tests hold to `emu.state` stay valid. */
function resetState(state, apiKey) {
	for (const key of Object.keys(state)) delete state[key];
	Object.assign(state, buildSeedState(apiKey));
	return state;
}

/**
 * Adds `count` groups with keys `${prefix}-0` … `${prefix}-${count - 1}` and strictly
 * increasing `created_at` (one second and a few microseconds apart, all later than
 * every existing group), so groups/ lists them newest first: `${prefix}-${count - 1}`
 * first, `${prefix}-0` last, right before the groups that were there already. Returns the
 * new rows.
 */
function seedGroups(
	state,
	{ projectId = 1, groupTypeIndex = 0, count, prefix = 'group', properties } = {},
) {
	if (!Number.isInteger(count) || count < 0)
		throw new TypeError('seedGroups: count must be a non-negative integer');
	const latest = Math.max(
		parseIsoMicros('2025-02-01T00:00:00Z'),
		...state.groups.map((g) => parseIsoMicros(g.created_at)),
	);
	const start = Math.floor(latest / 1e6) * 1e6 + 1e6;
	const added = [];
	for (let i = 0; i < count; i++) {
		const group = {
			project_id: projectId,
			id: state.nextIds.group++,
			group_type_index: groupTypeIndex,
			group_key: `${prefix}-${i}`,
			group_properties: properties ? { ...properties } : { name: `${prefix} ${i}` },
			created_at: isoFromMicros(start + i * 1_000_003),
		};
		state.groups.push(group);
		upsertForProperties(state, projectId, groupTypeIndex, group.group_properties);
		added.push(group);
	}
	return added;
}

module.exports = { SEED, createState, resetState, seedGroups };
