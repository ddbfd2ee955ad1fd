import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { throwOnPostHogError } from '../../transport/errors';
import { responseToItems } from './output';

/**
 * What an operation file exports: its Operation option (with routing), all its fields, and what
 * an AI agent is told about it when the node is the agent's tool (`toolDescription`).
 */
export type Operation = {
	option: INodePropertyOptions;
	fields: INodeProperties[];
	toolDescription: string;
};

export type Resource = {
	option: INodePropertyOptions;
	operationSelector: INodeProperties;
	fields: INodeProperties[];
};

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

/** A resource from its operations: the Operation selector (sorted by name) and their fields. */
export function defineResource(
	option: INodePropertyOptions,
	defaultOperation: string,
	operations: Operation[],
): Resource {
	return {
		option,
		operationSelector: {
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [option.value] } },
			options: operations.map((operation) => operation.option).sort(byName),
			default: defaultOperation,
		},
		fields: operations.flatMap((operation) => [
			...operation.fields,
			toolDescriptionField(option.value as string, operation),
		]),
	};
}

/**
 * The tool's description, shown only in the node's tool variant (`@tool`). n8n describes a tool
 * by its `toolDescription` parameter when the node declares one, and otherwise only by the
 * operation's action ("Run a HogQL query in PostHog Management", docs/n8n-notes.md §7): this
 * tells the model what the operation does, returns and allows, and a user can edit it.
 */
function toolDescriptionField(resource: string, { option, toolDescription }: Operation) {
	return {
		displayName: 'Tool Description',
		name: 'toolDescription',
		type: 'string',
		typeOptions: { rows: 4 },
		default: toolDescription,
		description:
			'What the AI agent is told about this tool. The default says what the operation does, returns and allows; adapt it to your agent.',
		displayOptions: {
			show: { '@tool': [true], resource: [resource], operation: [option.value as string] },
		},
	} satisfies INodeProperties;
}

/**
 * The Resource selector. Every operation shows it, so its routing runs for every request, which
 * makes it the place for what every request needs:
 * - `paginate: true` hands each request to the node's `requestOperations.pagination`, the
 *   request seam (transport/request.ts), which owns retries and error mapping; n8n's routing
 *   offers no other hook that wraps the sending of a request;
 * - every answer passes the error check first, then becomes one item per returned object.
 */
export function resourceSelector(resources: Resource[]): INodeProperties {
	return {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: resources.map((resource) => resource.option).sort(byName),
		default: 'group',
		routing: {
			send: { paginate: true },
			output: { postReceive: [throwOnPostHogError, responseToItems] },
		},
	};
}

/**
 * The node's subtitle on the canvas: the chosen operation's action ("Get many groups"), as the
 * nodes panel names it, rather than the stored names ("getAll: group"). The table is written
 * with one key a line so that no `}}` ends n8n's expression early.
 */
export function actionSubtitle(resources: Resource[]): string {
	const actions = Object.fromEntries(
		resources.map(({ option, operationSelector }) => [
			option.value,
			Object.fromEntries(
				(operationSelector.options as INodePropertyOptions[]).map((operation) => [
					operation.value,
					operation.action ?? operation.name,
				]),
			),
		]),
	);
	const table = JSON.stringify(actions, null, 1);
	return `={{ (${table}[$parameter["resource"]] || {})[$parameter["operation"]] || $parameter["operation"] }}`;
}
