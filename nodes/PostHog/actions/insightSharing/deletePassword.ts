import { updateDisplayOptions, type INodePropertyOptions } from 'n8n-workflow';
import { requireNumericId } from '../../shared/locator';
import { fillPlaceholder } from '../../shared/placeholder';
import { optionsField } from '../shared/descriptions';
import { insightLocator } from '../shared/insightLocator';

const fillPasswordId = fillPlaceholder('passwordId', (context) =>
	requireNumericId(context, 'passwordId', 'Password ID', 'password'),
);

export const option: INodePropertyOptions = {
	name: 'Delete Password',
	value: 'deletePassword',
	action: 'Delete a password of a shared insight',
	description: 'Deactivate one password of the insight’s share link',
	routing: {
		request: {
			method: 'DELETE',
			url: '/api/projects/{projectId}/insights/{insightId}/sharing/passwords/{passwordId}/',
		},
	},
};

export const toolDescription =
	'Deactivate one password of an insight’s share link, by the password’s ID (from Get).';

export const fields = updateDisplayOptions(
	{ show: { resource: ['insightSharing'], operation: ['deletePassword'] } },
	[
		insightLocator('The insight whose sharing to manage'),
		{
			displayName: 'Password ID',
			name: 'passwordId',
			type: 'number',
			default: 0,
			required: true,
			description: 'ID of the password, as listed in share_passwords by the Get operation',
			routing: { send: { preSend: [fillPasswordId] } },
		},
		optionsField(),
	],
);
