'use strict';
// How Django REST framework serializers and Python parse input, reduced to what the
// emulated endpoints need. Each check throws the ApiError PostHog would send; fields
// must be checked in the serializer's declared order because only the first error is
// returned (docs/posthog-api.md §0, SUPPORT_MULTIPLE_EXCEPTIONS off).
const errors = require('./errors');
const { normalizeIso } = require('./time');

/** Python's type name, as used in DRF messages ("Expected a dictionary, but got list."). */
function pyTypeName(value) {
	if (value === null) return 'NoneType';
	if (Array.isArray(value)) return 'list';
	if (typeof value === 'string') return 'str';
	if (typeof value === 'boolean') return 'bool';
	if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
	return 'dict';
}

const isPlainObject = (value) =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

/** Python `int(text)`: null when it would raise ValueError. */
function pyInt(text) {
	if (typeof text === 'number') return Number.isInteger(text) ? text : Math.trunc(text);
	if (typeof text !== 'string' || !/^\s*[+-]?\d+(_\d+)*\s*$/.test(text)) return null;
	return Number.parseInt(text.replace(/_/g, ''), 10);
}

/** PostHog's `str_to_bool`. */
const strToBool = (value) =>
	Boolean(value) && ['y', 'yes', 't', 'true', 'on', '1'].includes(String(value).toLowerCase());

/** The body a serializer receives must be a dict (DRF `Serializer.to_internal_value`). */
function serializerData(body, attrPrefix = null) {
	if (isPlainObject(body)) return body;
	const attr = attrPrefix ? `${attrPrefix}__non_field_errors` : null;
	if (body === null) throw errors.validation(attr, 'No data provided', 'null');
	throw errors.validation(
		attr,
		`Invalid data. Expected a dictionary, but got ${pyTypeName(body)}.`,
	);
}

/**
 * The body a view reads with `request.data.get(...)`: anything but a dict makes Python
 * raise AttributeError, i.e. a 500.
 */
function viewData(body) {
	if (!isPlainObject(body)) throw errors.serverError();
	return body;
}

function missingOrNull(data, name, attr, { required, allowNull }) {
	const value = data[name];
	if (value === undefined) {
		if (required) throw errors.required(attr);
		return true;
	}
	if (value === null) {
		if (allowNull) return true;
		throw errors.validation(attr, 'This field may not be null.', 'null');
	}
	return false;
}

/** DRF CharField (trims whitespace by default). */
function charField(
	data,
	name,
	{ required = true, allowBlank = false, maxLength, attr = name } = {},
) {
	if (missingOrNull(data, name, attr, { required })) return undefined;
	const value = data[name];
	if (typeof value !== 'string' && typeof value !== 'number') {
		throw errors.validation(attr, 'Not a valid string.');
	}
	const text = String(value).trim();
	if (text === '' && !allowBlank)
		throw errors.validation(attr, 'This field may not be blank.', 'blank');
	if (maxLength !== undefined && text.length > maxLength) {
		throw errors.validation(
			attr,
			`Ensure this field has no more than ${maxLength} characters.`,
			'max_length',
		);
	}
	return text;
}

/** DRF IntegerField. */
function integerField(data, name, { required = true, minValue, attr = name } = {}) {
	if (missingOrNull(data, name, attr, { required })) return undefined;
	const value = data[name];
	let parsed = null;
	if (typeof value === 'number') parsed = Number.isInteger(value) ? value : null;
	else if (typeof value === 'string') parsed = pyInt(value.replace(/\.0*\s*$/, ''));
	if (parsed === null) throw errors.validation(attr, 'A valid integer is required.');
	if (minValue !== undefined && parsed < minValue) {
		throw errors.validation(
			attr,
			`Ensure this value is greater than or equal to ${minValue}.`,
			'min_value',
		);
	}
	return parsed;
}

/** DRF DateTimeField; returns the value re-rendered as UTC ISO. */
function dateTimeField(data, name, { required = true, attr = name } = {}) {
	if (missingOrNull(data, name, attr, { required })) return undefined;
	const iso = typeof data[name] === 'string' ? normalizeIso(data[name]) : null;
	if (iso === null) {
		throw errors.validation(
			attr,
			'Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].',
		);
	}
	return iso;
}

/**
 * A query-string serializer: an empty `?x=` counts as not sent for optional
 * non-blank fields (DRF's html-input handling of QueryDict).
 */
function queryData(query, blankAsMissing) {
	const data = { ...query };
	for (const name of blankAsMissing) if (data[name] === '') delete data[name];
	return data;
}

module.exports = {
	pyTypeName,
	isPlainObject,
	pyInt,
	strToBool,
	serializerData,
	viewData,
	charField,
	integerField,
	dateTimeField,
	queryData,
};
