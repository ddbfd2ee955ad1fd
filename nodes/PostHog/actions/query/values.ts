import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';
import { invalidParameter } from '../../shared/validation';
import { toPostHogValue } from '../shared/values';

const PLACEHOLDER_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function placeholderValuesField(): INodeProperties {
	return {
		displayName: 'Placeholder Values',
		name: 'values',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Placeholder Value',
		description:
			'Values for the {name} placeholders of the query. PostHog inserts each one as a constant, so this is the safe way to use item data in a query: n8n expressions inside the query text would paste it in as SQL.',
		hint: 'Numbers and true/false are sent as such; other text as a string. Put text in double quotes ("42") to send it as a string.',
		options: [
			{
				displayName: 'Value',
				name: 'value',
				values: [
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'e.g. event',
						description: 'The placeholder’s name: {event} in the query is the name event',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: 'e.g. signed_up',
						description: 'The value PostHog puts in place of the placeholder',
					},
				],
			},
		],
	};
}

/** A value as typed: JSON text (numbers, true/false, […], {…}, "text") as that value, else text. */
function placeholderValue(value: unknown): unknown {
	if (typeof value === 'string' && /^\s*".*"\s*$/s.test(value)) {
		try {
			const text = JSON.parse(value.trim()) as unknown;
			if (typeof text === 'string') return text;
		} catch {
			// not a JSON string: typed as any other text below
		}
	}
	return toPostHogValue(value);
}

/**
 * `query.values` from the Placeholder Values of the current item, or undefined when there are
 * none. A blank or malformed name, a name given twice, or broken JSON text is refused.
 */
export function readPlaceholderValues(context: IExecuteSingleFunctions): IDataObject | undefined {
	const entries = context.getNodeParameter('values.value', []) as Array<{
		name?: unknown;
		value?: unknown;
	}>;
	if (entries.length === 0) return undefined;
	const values: IDataObject = {};
	for (const [position, entry] of entries.entries()) {
		// `{event}` is accepted for `event`: it is how the name appears in the query
		const name = String(entry.name ?? '')
			.trim()
			.replace(/^\{\s*(.*?)\s*\}$/, '$1');
		if (!PLACEHOLDER_NAME.test(name)) {
			throw invalidParameter(
				context,
				'Placeholder Values',
				`value ${position + 1} has ${name ? `the name "${name}", which is not a placeholder name (letters, digits and _)` : 'no name'}`,
			);
		}
		if (name in values) {
			throw invalidParameter(context, 'Placeholder Values', `"${name}" is given twice`);
		}
		const value = placeholderValue(entry.value ?? '');
		if (value === undefined) {
			throw invalidParameter(
				context,
				'Placeholder Values',
				`the value of "${name}" looks like JSON but does not parse`,
			);
		}
		values[name] = value as IDataObject[string];
	}
	return values;
}
