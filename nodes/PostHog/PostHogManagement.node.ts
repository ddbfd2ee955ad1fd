import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { action } from './actions/action';
import { annotation } from './actions/annotation';
import { cohort } from './actions/cohort';
import { dashboard } from './actions/dashboard';
import { errorTrackingIssue } from './actions/errorTrackingIssue';
import { eventDefinition } from './actions/eventDefinition';
import { featureFlag } from './actions/featureFlag';
import { fileSystem } from './actions/fileSystem';
import { group } from './actions/group';
import { insight } from './actions/insight';
import { insightSharing } from './actions/insightSharing';
import { person } from './actions/person';
import { query } from './actions/query';
import { survey } from './actions/survey';
import { mergeRepeatedFields } from './actions/shared/mergeFields';
import { actionSubtitle, resourceSelector } from './actions/shared/resource';
import { searchActions } from './methods/listSearch/searchActions';
import { searchCohorts } from './methods/listSearch/searchCohorts';
import { searchDashboards } from './methods/listSearch/searchDashboards';
import { searchErrorTrackingIssues } from './methods/listSearch/searchErrorTrackingIssues';
import { searchFeatureFlags } from './methods/listSearch/searchFeatureFlags';
import { searchInsights } from './methods/listSearch/searchInsights';
import { searchProjects } from './methods/listSearch/searchProjects';
import { searchSurveys } from './methods/listSearch/searchSurveys';
import { getGroupTypes } from './methods/loadOptions/getGroupTypes';
import { getOrganizationMembers } from './methods/loadOptions/getOrganizationMembers';
import { projectLocator } from './shared/project';
import { sendRoutedRequest } from './transport/request';

const resources = [
	action,
	annotation,
	cohort,
	dashboard,
	errorTrackingIssue,
	eventDefinition,
	featureFlag,
	fileSystem,
	group,
	insight,
	insightSharing,
	person,
	query,
	survey,
];

export class PostHogManagement implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'PostHog Management',
		name: 'postHogManagement',
		icon: { light: 'file:../../icons/posthog.svg', dark: 'file:../../icons/posthog.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: actionSubtitle(resources),
		description:
			'Manage PostHog persons, cohorts, feature flags, annotations, groups, insights and their sharing, surveys and their responses, error-tracking issues, dashboards and the project tree; list actions and event definitions; run HogQL queries',
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
		// The request seam: see resourceSelector (actions/shared/resource.ts).
		requestOperations: { pagination: sendRoutedRequest },
		properties: mergeRepeatedFields([
			resourceSelector(resources),
			...resources.map((resource) => resource.operationSelector),
			projectLocator,
			...resources.flatMap((resource) => resource.fields),
		]),
	};

	methods = {
		listSearch: {
			searchActions,
			searchCohorts,
			searchDashboards,
			searchErrorTrackingIssues,
			searchFeatureFlags,
			searchInsights,
			searchProjects,
			searchSurveys,
		},
		loadOptions: { getGroupTypes, getOrganizationMembers },
	};
}
