import type { INodeProperties } from 'n8n-workflow';
import { locatorField } from '../shared/descriptions';
import { requireNumericId } from '../../shared/locator';
import { fillPlaceholder } from '../../shared/placeholder';

const fillActionId = fillPlaceholder('actionId', (context) =>
	requireNumericId(context, 'actionId', 'Action', 'action'),
);

/** The Action locator; it fills the `{actionId}` of the operation's URL. */
export function actionLocator(): INodeProperties {
	return locatorField({
		displayName: 'Action',
		name: 'actionId',
		description: 'The action: a named set of events, such as “Signed up”',
		search: 'searchActions',
		idPlaceholder: 'e.g. 12',
		fill: fillActionId,
	});
}
