import {
	NodeOperationError,
	type IExecuteSingleFunctions,
	type IHookFunctions,
	type ILoadOptionsFunctions,
	type INodeProperties,
	type IPollFunctions,
} from 'n8n-workflow';
import {
	currentLocatorId,
	DIGITS,
	idFrom,
	requireNumericId,
	type LocatorUrl,
	type ResourceLocatorValue,
} from './locator';
import { fillPlaceholder } from './placeholder';

/**
 * The Project: every node works in one PostHog project, chosen from a list, typed as its numeric
 * ID, or taken out of any PostHog URL. Its field, and reading its ID in each kind of context
 * (an item of the action node, a trigger, the editor's dropdowns), live here.
 */

export const PROJECT_URL: LocatorUrl = {
	pattern: /\/project\/(\d+)/,
	shape: '…/project/ID/…',
};

/** The Project locator as the triggers declare it; the action node adds its routing. */
export const projectField: INodeProperties = {
	displayName: 'Project',
	name: 'projectId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The PostHog project to work in',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchProjects', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 12345',
		},
		{
			displayName: 'By URL',
			name: 'url',
			type: 'string',
			placeholder: 'e.g. https://us.posthog.com/project/12345/insights',
		},
	],
};

/** The numeric project of the current item, whatever the locator's mode. */
export const projectIdOf = (context: IExecuteSingleFunctions) =>
	requireNumericId(context, 'projectId', 'Project', 'project', PROJECT_URL);

const fillProjectId = fillPlaceholder('projectId', projectIdOf);

/** The action node's Project: it fills the `{projectId}` of every operation's URL. */
export const projectLocator: INodeProperties = {
	...projectField,
	routing: { send: { preSend: [fillProjectId] } },
};

/**
 * The numeric project of a trigger's Project locator, whatever its mode. A trigger has no
 * items, so a bad value is a node error rather than an item's.
 */
export function triggerProjectId(context: IPollFunctions | IHookFunctions): string {
	const locator = context.getNodeParameter('projectId', undefined, {
		extractValue: false,
	}) as ResourceLocatorValue;
	const id = idFrom(locator, PROJECT_URL);
	if (id === undefined || !DIGITS.test(id)) {
		throw new NodeOperationError(
			context.getNode(),
			`Project: "${String(id ?? locator?.value ?? '')}" is not a numeric project ID`,
			{
				description: `Choose the project from the list, or give its numeric ID or a PostHog URL (${PROJECT_URL.shape}).`,
			},
		);
	}
	return id;
}

const chosenProject = (context: ILoadOptionsFunctions) =>
	currentLocatorId(context, 'projectId', PROJECT_URL) ?? '';

/** Whether a numeric project is chosen in the node (editor). */
export function hasProject(context: ILoadOptionsFunctions): boolean {
	return DIGITS.test(chosenProject(context));
}

/** The numeric project chosen in the node, for dropdowns and list searches that depend on it. */
export function currentProjectId(context: ILoadOptionsFunctions): string {
	if (!hasProject(context)) {
		throw new NodeOperationError(context.getNode(), 'Choose a Project first', {
			description: 'This list is loaded from the selected PostHog project.',
		});
	}
	return chosenProject(context);
}
