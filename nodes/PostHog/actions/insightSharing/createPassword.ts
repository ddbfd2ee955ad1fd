import {
	updateDisplayOptions,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INodePropertyOptions,
} from 'n8n-workflow';
import { invalidParameter } from '../../shared/validation';
import { additionalFieldsField, optionsField } from '../shared/descriptions';
import { insightLocator } from '../shared/insightLocator';

const MIN_PASSWORD_LENGTH = 8;

/** preSend: PostHog refuses a given password shorter than 8 characters (docs/posthog-api.md §3.2). */
async function checkPasswordLength(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const password = String(this.getNodeParameter('additionalFields.password', '') ?? '');
	if (password && password.length < MIN_PASSWORD_LENGTH) {
		throw invalidParameter(this, 'Password', `must be at least ${MIN_PASSWORD_LENGTH} characters`);
	}
	return requestOptions;
}

// Needs password protection switched on for the insight and the Advanced Permissions feature;
// the plaintext password is returned only in this answer (docs/posthog-api.md §3.2).
export const option: INodePropertyOptions = {
	name: 'Create Password',
	value: 'createPassword',
	action: 'Create a password for a shared insight',
	description: 'Add a password that opens the insight’s share link',
	routing: {
		request: {
			method: 'POST',
			url: '/api/projects/{projectId}/insights/{insightId}/sharing/passwords/',
		},
	},
};

export const toolDescription =
	'Add a password (at least 8 characters) to an insight’s share link; password protection must be on. Returns the password once: store it.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['insightSharing'], operation: ['createPassword'] } },
	[
		insightLocator('The insight whose sharing to manage'),
		{
			displayName:
				'Password protection must already be on for this insight (in PostHog’s Share dialog), and the organization needs the Advanced Permissions feature. The new password is shown only once, in this node’s output.',
			name: 'createPasswordNotice',
			type: 'notice',
			default: '',
		},
		additionalFieldsField(
			{
				displayName: 'Note',
				name: 'note',
				type: 'string',
				default: '',
				placeholder: 'e.g. For the board meeting',
				description: 'A note to tell passwords apart (up to 100 characters)',
				routing: { send: { type: 'body', property: 'note' } },
			},
			{
				displayName: 'Password',
				name: 'password',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: 'At least 8 characters. Leave empty to let PostHog generate one.',
				routing: {
					send: {
						type: 'body',
						property: 'raw_password',
						preSend: [checkPasswordLength],
					},
				},
			},
		),
		optionsField(),
	],
);
