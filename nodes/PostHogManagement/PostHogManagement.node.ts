import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { searchInsights } from './listSearch/searchInsights';
import { searchProjects } from './listSearch/searchProjects';
import { getGroupTypes } from './loadOptions/getGroupTypes';
import { fileSystemFields, fileSystemOperations } from './resources/fileSystem';
import { groupFields, groupOperations } from './resources/group';
import { insightSharingFields, insightSharingOperations } from './resources/insightSharing';
import { everyRequest, projectLocator, retryOptions } from './shared/descriptions';
import { sendWithRetries } from './shared/retry';

export class PostHogManagement implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'PostHog Management',
		name: 'postHogManagement',
		icon: { light: 'file:../../icons/posthog.svg', dark: 'file:../../icons/posthog.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage PostHog groups, the project file tree and insight sharing',
		defaults: {
			name: 'PostHog Management',
		},
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'postHogManagementApi', required: true }],
		// The credential sets the host (US, EU or self-hosted); every answer goes through the
		// error check in `everyRequest`, so HTTP errors are not thrown before it sees them.
		requestDefaults: {
			ignoreHttpStatusErrors: true,
		},
		requestOperations: { pagination: sendWithRetries },
		properties: [
			everyRequest,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'File System', value: 'fileSystem' },
					{ name: 'Group', value: 'group' },
					{ name: 'Insight Sharing', value: 'insightSharing' },
				],
				default: 'group',
			},
			fileSystemOperations,
			groupOperations,
			insightSharingOperations,
			projectLocator,
			...fileSystemFields,
			...groupFields,
			...insightSharingFields,
			retryOptions,
		],
	};

	methods = {
		listSearch: { searchInsights, searchProjects },
		loadOptions: { getGroupTypes },
	};
}
