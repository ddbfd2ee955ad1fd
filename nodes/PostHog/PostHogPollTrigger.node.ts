import {
	NodeConnectionTypes,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';
import { searchProjects } from './methods/listSearch/searchProjects';
import { getGroupTypes } from './methods/loadOptions/getGroupTypes';
import { pollTriggerFields } from './pollTrigger/fields';
import { pollNewRows } from './pollTrigger/poll';
import { CREDENTIAL_TYPE } from './transport/credential';

export class PostHogPollTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'PostHog Poll Trigger',
		name: 'postHogPollTrigger',
		icon: {
			light: 'file:../../icons/posthogPollTrigger.svg',
			dark: 'file:../../icons/posthogPollTrigger.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"] === "newGroup" ? "New group" : "New person"}}',
		description: 'Starts the workflow when a new group or person appears in PostHog',
		defaults: {
			name: 'PostHog Poll Trigger',
		},
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: pollTriggerFields,
	};

	methods = {
		listSearch: { searchProjects },
		loadOptions: { getGroupTypes },
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollNewRows(this);
	}
}
