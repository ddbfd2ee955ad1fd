import type { IExecuteSingleFunctions } from 'n8n-workflow';
import { invalidParameter } from '../../shared/validation';
import { toPostHogValue } from './values';

type GroupProperty = { key: string; value: unknown };

/**
 * The Properties list of the current item, with each value converted by `toPostHogValue`.
 * An empty key, or a value that looks like a JSON object or array but does not parse, is
 * refused before anything is sent.
 */
export function readProperties(context: IExecuteSingleFunctions): GroupProperty[] {
	const entries = context.getNodeParameter('properties.property', []) as Array<{
		key?: unknown;
		value?: unknown;
	}>;
	return entries.map(({ key, value }, position) => {
		const name = String(key ?? '');
		if (!name.trim())
			throw invalidParameter(context, 'Properties', `property ${position + 1} has an empty key`);
		const converted = toPostHogValue(value ?? '');
		if (converted === undefined) {
			throw invalidParameter(
				context,
				'Properties',
				`the value of "${name}" looks like JSON but does not parse`,
			);
		}
		return { key: name, value: converted };
	});
}
