'use strict';
// Persons: path-id lookups, the two serializers (list vs get differ), the list filters and
// the list's hand-made `next`/`previous`. docs/posthog-api-part2.md §3; `posthog/api/person.py`.
const errors = require('../errors');
const { pyInt, isPlainObject } = require('../validate');
const { normalizeUuid } = require('../ids');
const { parseIsoMicros } = require('../time');
const { requestUri } = require('../pagination');

const DISPLAY_NAME_PROPERTIES = [
	'email',
	'Email',
	'$email',
	'name',
	'Name',
	'username',
	'Username',
	'UserName',
];
const ANONYMOUS_ID = /^([a-z0-9]+-){4}([a-z0-9]+)$/; // posthog.utils.is_anonymous_id

const personsOf = (state, projectId) => state.persons.filter((p) => p.project_id === projectId);

/** `sorted(distinct_ids, key=is_anonymous_id)`: identified ids first, otherwise stable. */
const sortedDistinctIds = (ids) =>
	[...ids].sort((a, b) => Number(ANONYMOUS_ID.test(a)) - Number(ANONYMOUS_ID.test(b)));

/** `get_person_name_helper`: a display-name property, else a distinct id, else the pk. */
function personName(person) {
	for (const key of DISPLAY_NAME_PROPERTIES)
		if (person.properties[key]) return person.properties[key];
	if (person.distinct_ids.length) return sortedDistinctIds(person.distinct_ids)[0];
	return String(person.id);
}

/** List item (`SerializedPerson` of the actors query): `id` is the UUID here. */
const serializeListPerson = (p) => ({
	type: 'person',
	id: p.uuid,
	uuid: p.uuid,
	created_at: p.created_at,
	last_seen_at: p.last_seen_at,
	properties: p.properties,
	is_identified: p.is_identified,
	name: personName(p),
	distinct_ids: p.distinct_ids,
	matched_recordings: [],
	value_at_data_point: null,
});

/** PersonSerializer (get): `id` is the integer pk here. */
const serializePerson = (p) => ({
	id: p.id,
	uuid: p.uuid,
	name: personName(p),
	distinct_ids: sortedDistinctIds(p.distinct_ids),
	properties: p.properties,
	created_at: p.created_at,
	last_seen_at: p.last_seen_at,
});

/**
 * `get_pk_or_uuid`: a UUID is matched on `uuid`, anything else on the integer pk. Returns
 * the person, null when unknown, or 'invalid' when the id is neither (Django's ValueError).
 */
function lookupPerson(ctx) {
	const raw = ctx.params.id;
	const uuid = normalizeUuid(raw);
	const persons = personsOf(ctx.state, ctx.project.id);
	if (uuid) return persons.find((p) => normalizeUuid(p.uuid) === uuid) ?? null;
	const pk = pyInt(raw);
	if (pk === null) return 'invalid';
	return persons.find((p) => p.id === pk) ?? null;
}

/** `get_object()`: a distinct id is a 400 pointing at `?distinct_id=`, an unknown person 404. */
function getPerson(ctx) {
	const person = lookupPerson(ctx);
	if (person === 'invalid') {
		throw errors.validation(
			null,
			`The ID provided does not look like a personID. If you are using a distinctId, please use /persons?distinct_id=${ctx.params.id} instead.`,
		);
	}
	if (!person) throw errors.notFound();
	return person;
}

/** `get_pk_or_uuid(...).get()` outside get_object (delete_property): both failures are unhandled 500s. */
function getPersonUnhandled(ctx) {
	const person = lookupPerson(ctx);
	if (!person || person === 'invalid') throw errors.serverError();
	return person;
}

/** The `properties` query param: a JSON array (or a property group); only person properties apply. */
function parsePropertyFilters(text) {
	let parsed;
	try {
		parsed = JSON.parse(text);
	} catch {
		throw errors.validation(null, 'Properties are unparsable!');
	}
	const flatten = (node) =>
		Array.isArray(node)
			? node.flatMap(flatten)
			: isPlainObject(node) && Array.isArray(node.values)
				? node.values.flatMap(flatten)
				: [node];
	return flatten(parsed).filter((p) => isPlainObject(p) && p.type === 'person');
}

const asText = (value) => (typeof value === 'string' ? value : JSON.stringify(value));

/** One property filter; the operator defaults to `exact`, and a list value means "any of". */
function matchesProperty(person, { key, value, operator }) {
	const has =
		Object.prototype.hasOwnProperty.call(person.properties, key) && person.properties[key] !== null;
	const actual = person.properties[key];
	const values = Array.isArray(value) ? value : [value];
	const equal = has && values.some((v) => asText(v) === asText(actual));
	const contains = has && asText(actual).toLowerCase().includes(asText(value).toLowerCase());
	switch (operator ?? 'exact') {
		case 'is_not':
			return !equal;
		case 'icontains':
			return contains;
		case 'not_icontains':
			return !contains;
		case 'is_set':
			return has;
		case 'is_not_set':
			return !has;
		case 'gt':
			return has && Number(actual) > Number(value);
		case 'lt':
			return has && Number(actual) < Number(value);
		default:
			return equal;
	}
}

/** `search`: email as a case-insensitive substring, a distinct id or the uuid exactly. */
function matchesSearch(person, search) {
	const email = person.properties.email;
	return (
		(typeof email === 'string' && email.toLowerCase().includes(search.toLowerCase())) ||
		person.distinct_ids.includes(search) ||
		(normalizeUuid(search) !== null && normalizeUuid(search) === normalizeUuid(person.uuid))
	);
}

/** The list's order: `created_at DESC, id DESC`. */
const compareNewestFirst = (a, b) =>
	parseIsoMicros(b.created_at) - parseIsoMicros(a.created_at) || b.id - a.id;

/**
 * PostHog's `format_query_params_absolute_url(request, offset)`: the URL as requested with
 * `offset=` swapped or appended. `if offset:` means an offset of 0 leaves the URL as it was.
 */
function urlWithOffset(ctx, offset) {
	const url = requestUri(ctx);
	if (!offset) return url;
	const pattern = /([&?]offset=)(\d+)/;
	if (pattern.test(url)) return url.replace(/([&?]offset=)(\d+)/g, `$1${offset}`);
	return `${url}${url.includes('?') ? '&' : '?'}offset=${offset}`;
}

module.exports = {
	personsOf,
	serializeListPerson,
	serializePerson,
	getPerson,
	getPersonUnhandled,
	parsePropertyFilters,
	matchesProperty,
	matchesSearch,
	compareNewestFirst,
	urlWithOffset,
};
