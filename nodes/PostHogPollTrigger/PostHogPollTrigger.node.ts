import {
	NodeConnectionTypes,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';
import { searchProjects } from '../PostHogManagement/listSearch/searchProjects';
import { getGroupTypes } from '../PostHogManagement/loadOptions/getGroupTypes';
import { CREDENTIAL_TYPE } from '../PostHogManagement/shared/constants';
import { pollTriggerFields } from './fields';
import { pollNewRows } from './poll';

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
