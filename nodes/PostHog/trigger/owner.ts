import type { IHookFunctions } from 'n8n-workflow';

const MAX_NAME_LENGTH = 400;

export type Owner = {
	name: string;
	description: string;
	/** In the description of every destination this trigger node makes, and only in those. */
	marker: string;
	/** The start of the marker shared by the workflow's triggers: short enough for PostHog's search. */
	workflowMarker: string;
};

/** Says which n8n workflow owns the destination, in PostHog's list of destinations. */
export function ownerOf(context: IHookFunctions): Owner {
	const workflow = context.getWorkflow();
	const node = context.getNode();
	const workflowName = workflow.name ?? 'unnamed';
	const workflowMarker = `n8n-ref:${workflow.id}:`;
	const marker = `${workflowMarker}${node.webhookId ?? node.id}`;
	return {
		name: `n8n: ${workflowName} (workflow ${workflow.id})`.slice(0, MAX_NAME_LENGTH),
		description:
			`Managed by n8n: made by the node “${node.name}” of the workflow “${workflowName}” (ID ${workflow.id}), ` +
			`and deleted when that workflow is deactivated. ${marker}`,
		marker,
		workflowMarker,
	};
}

/** Whether a destination's description carries `marker` as its last word. */
export const carriesMarker = (description: unknown, marker: string): boolean =>
	typeof description === 'string' && description.split(/\s+/).pop() === marker;
