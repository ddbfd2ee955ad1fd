import type { INodeProperties } from 'n8n-workflow';
import { requireNumericId } from '../../shared/locator';
import { fillPlaceholder } from '../../shared/placeholder';

const fillActionId = fillPlaceholder('actionId', (context) =>
	requireNumericId(context, 'actionId', 'Action', 'action'),
);

/** The Action locator; it fills the `{actionId}` of the operation's URL. */
export function actionLocator(): INodeProperties {
	return {
		displayName: 'Action',
		name: 'actionId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The action: a named set of events, such as “Signed up”',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchActions', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 12',
			},
		],
		routing: { send: { preSend: [fillActionId] } },
	};
}
