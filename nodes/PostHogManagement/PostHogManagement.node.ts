import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { searchFeatureFlags } from './listSearch/searchFeatureFlags';
import { searchInsights } from './listSearch/searchInsights';
import { searchProjects } from './listSearch/searchProjects';
import { getGroupTypes } from './loadOptions/getGroupTypes';
import { annotation } from './resources/annotation';
import { featureFlag } from './resources/featureFlag';
import { fileSystem } from './resources/fileSystem';
import { group } from './resources/group';
import { insight } from './resources/insight';
import { insightSharing } from './resources/insightSharing';
import { person } from './resources/person';
import { query } from './resources/query';
import { projectLocator } from './shared/descriptions';
import { mergeRepeatedFields } from './shared/mergeFields';
import { resourceSelector } from './shared/resource';
import { sendRoutedRequest } from './shared/transport';

const resources = [
	annotation,
	featureFlag,
	fileSystem,
	group,
	insight,
	insightSharing,
	person,
	query,
];

export class PostHogManagement implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'PostHog Management',
		name: 'postHogManagement',
		icon: { light: 'file:../../icons/posthog.svg', dark: 'file:../../icons/posthog.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Manage PostHog persons, feature flags, annotations, groups, insights and their sharing, and the project tree; run HogQL queries',
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
		listSearch: { searchFeatureFlags, searchInsights, searchProjects },
		loadOptions: { getGroupTypes },
	};
}
