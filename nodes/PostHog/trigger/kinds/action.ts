import { NodeOperationError } from 'n8n-workflow';
import type { TriggerKind } from './kind';
import { DIGITS, pickerField } from '../../shared/locator';
import { pickedId, requiredPickedId } from './locators';

/**
 * An action matching a captured event: a `destination` with an action filter. The action must be
 * of this project, else PostHog's filter does not compile (400 on `filters`); the payload does
 * not name the action (docs/posthog-api-part3.md §9.2, §9.3).
 */
export const actionKind: TriggerKind = {
	option: {
		name: 'Action Performed',
		value: 'action',
		description: 'A captured event matches one of the project’s actions',
	},
	fields: [
		pickerField({
			displayName: 'Action',
			name: 'actionId',
			search: 'searchActions',
			idPlaceholder: 'e.g. 12',
			description: 'The action whose matching events start the workflow',
		}),
	],
	subscription(context) {
		const id = requiredPickedId(context, 'actionId', 'Action');
		if (!DIGITS.test(id)) {
			throw new NodeOperationError(context.getNode(), `Action: "${id}" is not a numeric action ID`);
		}
		return {
			type: 'destination',
			filters: { actions: [{ id, name: '', type: 'actions', order: 0 }] },
		};
	},
	summary: { key: 'action', of: (_delivery, context) => ({ id: pickedId(context, 'actionId') }) },
};
