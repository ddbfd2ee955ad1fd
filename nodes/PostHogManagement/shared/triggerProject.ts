import {
	NodeOperationError,
	type IHookFunctions,
	type INodeProperties,
	type IPollFunctions,
} from 'n8n-workflow';
import { projectLocator } from './descriptions';
import { idFrom, PROJECT_URL } from './locator';

/**
 * The action node's Project locator, for the triggers: without its routing, which only a
 * declarative node runs (a trigger reads the project with `triggerProjectId`).
 */
export function triggerProjectField(): INodeProperties {
	const field = { ...projectLocator };
	delete field.routing;
	return field;
}

type ResourceLocatorValue = { mode?: string; value?: unknown };

/**
 * The numeric project of a trigger's Project locator, whatever its mode. A trigger has no
 * items, so a bad value is a node error rather than an item's.
 */
export function triggerProjectId(context: IPollFunctions | IHookFunctions): string {
	const locator = context.getNodeParameter('projectId', undefined, {
		extractValue: false,
	}) as ResourceLocatorValue;
	const id = idFrom(locator, PROJECT_URL);
	if (id === undefined || !/^\d+$/.test(id)) {
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
