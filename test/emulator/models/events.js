'use strict';
// Ingested events: the rows HogQL's `events` table reads and hog-function destinations receive.
// A row: { project_id, uuid, event, distinct_id, properties, timestamp, captured_at, elements_chain }.
const { uuid7 } = require('../ids');
const { isoFromDate, normalizeIso } = require('../time');

const eventsOf = (state, projectId) => state.events.filter((e) => e.project_id === projectId);

/** The person an event belongs to: the one holding its distinct_id (undefined when none). */
const personForEvent = (state, event) =>
	state.persons.find(
		(p) => p.project_id === event.project_id && p.distinct_ids.includes(event.distinct_id),
	);

/**
 * Stores an event the way ingestion would: a uuid7 and `now` unless given, `captured_at`
 * = now. Returns the stored row.
 */
function addEvent(
	state,
	{ projectId = 1, event, distinctId, properties = {}, timestamp, uuid, now = new Date() },
) {
	if (typeof event !== 'string' || !event)
		throw new TypeError('addEvent: event must be a non-empty string');
	if (typeof distinctId !== 'string' || !distinctId)
		throw new TypeError('addEvent: distinctId must be a non-empty string');
	const row = {
		project_id: projectId,
		uuid: uuid || uuid7(now),
		event,
		distinct_id: distinctId,
		properties: { ...properties },
		timestamp: timestamp ? normalizeIso(timestamp) : isoFromDate(now),
		captured_at: isoFromDate(now),
		elements_chain: '',
	};
	if (row.timestamp === null) throw new TypeError(`addEvent: bad timestamp ${timestamp}`);
	state.events.push(row);
	return row;
}

module.exports = { eventsOf, personForEvent, addEvent };
