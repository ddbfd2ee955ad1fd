'use strict';
// DRF serializer fields that validate.js does not cover: BooleanField, ChoiceField, ListField
// of strings. Each returns undefined when the field was not sent and throws PostHog's 400.
const errors = require('../errors');
const { isPlainObject } = require('../validate');

const TRUE_VALUES = new Set([
	't',
	'T',
	'y',
	'Y',
	'yes',
	'Yes',
	'YES',
	'true',
	'True',
	'TRUE',
	'on',
	'On',
	'ON',
	'1',
	1,
	true,
]);
const NULL_VALUES = new Set(['null', 'Null', 'NULL', '', null]);
const FALSE_VALUES = new Set([
	'f',
	'F',
	'n',
	'N',
	'no',
	'No',
	'NO',
	'false',
	'False',
	'FALSE',
	'off',
	'Off',
	'OFF',
	'0',
	0,
	false,
]);

/** DRF BooleanField (`allowNull` for `BooleanField(allow_null=True)`). */
function booleanField(data, name, { allowNull = false, attr = name } = {}) {
	if (!(name in data)) return undefined;
	const value = data[name];
	if (value === null && !allowNull)
		throw errors.validation(attr, 'This field may not be null.', 'null');
	if (allowNull && NULL_VALUES.has(value)) return null;
	if (TRUE_VALUES.has(value)) return true;
	if (FALSE_VALUES.has(value)) return false;
	throw errors.validation(attr, 'Must be a valid boolean.');
}

/** DRF ChoiceField. */
function choiceField(data, name, choices, { allowNull = false, attr = name } = {}) {
	if (!(name in data)) return undefined;
	const value = data[name];
	if (value === null) {
		if (allowNull) return null;
		throw errors.validation(attr, 'This field may not be null.', 'null');
	}
	if (!choices.includes(String(value))) {
		throw errors.validation(attr, `"${value}" is not a valid choice.`, 'invalid_choice');
	}
	return String(value);
}

/** DRF ListField(child=CharField(max_length=…), max_length=…); child errors read `attr:"name__i"`. */
function stringListField(data, name, { maxItems, maxLength, attr = name } = {}) {
	if (!(name in data)) return undefined;
	const value = data[name];
	if (value === null) throw errors.validation(attr, 'This field may not be null.', 'null');
	if (!Array.isArray(value)) {
		const type =
			typeof value === 'string'
				? 'str'
				: isPlainObject(value)
					? 'dict'
					: typeof value === 'boolean'
						? 'bool'
						: 'int';
		throw errors.validation(attr, `Expected a list of items but got type "${type}".`, 'not_a_list');
	}
	if (maxItems !== undefined && value.length > maxItems) {
		throw errors.validation(
			attr,
			`Ensure this field has no more than ${maxItems} elements.`,
			'max_length',
		);
	}
	return value.map((item, i) => {
		if (typeof item !== 'string' && typeof item !== 'number')
			throw errors.validation(`${attr}__${i}`, 'Not a valid string.');
		const text = String(item).trim();
		if (text === '')
			throw errors.validation(`${attr}__${i}`, 'This field may not be blank.', 'blank');
		if (maxLength !== undefined && text.length > maxLength) {
			throw errors.validation(
				`${attr}__${i}`,
				`Ensure this field has no more than ${maxLength} characters.`,
				'max_length',
			);
		}
		return text;
	});
}

module.exports = { booleanField, choiceField, stringListField };
