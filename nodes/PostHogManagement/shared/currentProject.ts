import { NodeOperationError, type ILoadOptionsFunctions } from 'n8n-workflow';

/** The numeric project chosen in the node, for dropdowns that depend on it. */
export function currentProjectId(context: ILoadOptionsFunctions): string {
	const id = String(
		context.getCurrentNodeParameter('projectId', { extractValue: true }) ?? '',
	).trim();
	if (!/^\d+$/.test(id)) {
		throw new NodeOperationError(context.getNode(), 'Choose a Project first', {
			description: 'This list is loaded from the selected PostHog project.',
		});
	}
	return id;
}
