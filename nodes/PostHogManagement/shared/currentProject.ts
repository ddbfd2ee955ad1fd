import { NodeOperationError, type ILoadOptionsFunctions } from 'n8n-workflow';
import { currentLocatorId, PROJECT_URL } from './locator';

function chosenProject(context: ILoadOptionsFunctions): string {
	return currentLocatorId(context, 'projectId', PROJECT_URL) ?? '';
}

/** Whether a numeric project is chosen in the node. */
export function hasProject(context: ILoadOptionsFunctions): boolean {
	return /^\d+$/.test(chosenProject(context));
}

/** The numeric project chosen in the node, for dropdowns that depend on it. */
export function currentProjectId(context: ILoadOptionsFunctions): string {
	if (!hasProject(context)) {
		throw new NodeOperationError(context.getNode(), 'Choose a Project first', {
			description: 'This list is loaded from the selected PostHog project.',
		});
	}
	return chosenProject(context);
}
