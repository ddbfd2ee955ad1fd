import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { searchInsights } from './listSearch/searchInsights';
import { searchProjects } from './listSearch/searchProjects';
import { getGroupTypes } from './loadOptions/getGroupTypes';
import { fileSystem } from './resources/fileSystem';
import { group } from './resources/group';
import { insightSharing } from './resources/insightSharing';
import { projectLocator } from './shared/descriptions';
import { mergeRepeatedFields } from './shared/mergeFields';
import { resourceSelector } from './shared/resource';
import { sendRoutedRequest } from './shared/transport';

const resources = [fileSystem, group, insightSharing];

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
		// The credential sets the host (US, EU or self-hosted). HTTP errors are not thrown before
		// the error check on the Resource parameter sees them.
		requestDefaults: {
			ignoreHttpStatusErrors: true,
		},
		// The request seam: see resourceSelector (shared/resource.ts).
		requestOperations: { pagination: sendRoutedRequest },
		properties: mergeRepeatedFields([
			resourceSelector(resources),
			...resources.map((resource) => resource.operationSelector),
			projectLocator,
			...resources.flatMap((resource) => resource.fields),
		]),
	};

	methods = {
		listSearch: { searchInsights, searchProjects },
		loadOptions: { getGroupTypes },
	};
}
