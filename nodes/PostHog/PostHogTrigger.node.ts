import {
	NodeConnectionTypes,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { getEventNames } from './methods/loadOptions/getEventNames';
import { searchActions } from './methods/listSearch/searchActions';
import { searchAlerts } from './methods/listSearch/searchAlerts';
import { searchProjects } from './methods/listSearch/searchProjects';
import { searchSurveys } from './methods/listSearch/searchSurveys';
import { CREDENTIAL_TYPE } from './transport/credential';
import { triggerFields } from './trigger/fields';
import { triggerSubtitle } from './trigger/kinds';
import { receiveDelivery } from './trigger/receive';
import { destinationMethods } from './trigger/webhookMethods';

export class PostHogTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'PostHog Trigger',
		name: 'postHogTrigger',
		icon: {
			light: 'file:../../icons/posthogTrigger.svg',
			dark: 'file:../../icons/posthogTrigger.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: triggerSubtitle(),
		description:
			'Starts the workflow when PostHog captures an event, or notices something itself: a new error-tracking issue, a firing alert, a change, a survey response',
		defaults: {
			name: 'PostHog Trigger',
		},
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'webhook',
			},
		],
		properties: triggerFields,
	};

	methods = {
		listSearch: { searchActions, searchAlerts, searchProjects, searchSurveys },
		loadOptions: { getEventNames },
	};

	webhookMethods = { default: destinationMethods };

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveDelivery.call(this);
	}
}
