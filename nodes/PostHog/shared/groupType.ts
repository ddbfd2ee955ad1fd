import {
	NodeOperationError,
	type IExecuteSingleFunctions,
	type INodeProperties,
	type IPollFunctions,
} from 'n8n-workflow';
import { invalidParameter } from './validation';

/**
 * The Group Type: a dropdown of the project's group types (methods/loadOptions/getGroupTypes),
 * valued by index. PostHog's indexes are 0–4 (docs/posthog-api.md §2, GROUP_TYPES_LIMIT).
 */
export function groupTypeIndexField(): INodeProperties {
	return {
		displayName: 'Group Type Name or ID',
		name: 'groupTypeIndex',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getGroupTypes', loadOptionsDependsOn: ['projectId.value'] },
		default: 0,
		required: true,
		// "Name or ID" and the last sentence are n8n's wording for a dropdown that also takes an
		// expression (its linter requires them); here the ID is the group type's index.
		description:
			'The ID of a group type is its index, 0 to 4. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		hint: 'The group types set up in PostHog’s group analytics. In an expression, give the type’s index: 0 for the first type created, up to 4.',
	};
}

/** A Group Type parameter's index, or the problem with it. */
function groupTypeIndexFrom(raw: unknown): number | { problem: string } {
	const index = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
	if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index > 4) {
		return { problem: `"${String(raw)}" is not a group type index; PostHog allows 0 to 4` };
	}
	return index;
}

/** The Group Type index of the current item; a bad one is refused before any request. */
export function groupTypeIndexOf(context: IExecuteSingleFunctions): number {
	const index = groupTypeIndexFrom(context.getNodeParameter('groupTypeIndex'));
	if (typeof index !== 'number') throw invalidParameter(context, 'Group Type', index.problem);
	return index;
}

/** The Group Type index of a trigger: a bad one is a node error, a trigger has no items. */
export function triggerGroupTypeIndex(context: IPollFunctions): number {
	const index = groupTypeIndexFrom(context.getNodeParameter('groupTypeIndex'));
	if (typeof index !== 'number') {
		throw new NodeOperationError(context.getNode(), `Group Type: ${index.problem}`);
	}
	return index;
}
