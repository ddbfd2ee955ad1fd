import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { throwOnPostHogError } from '../../transport/errors';
import { responseToItems } from './output';

/** What an operation file exports: its Operation option (with routing) and all its fields. */
export type Operation = { option: INodePropertyOptions; fields: INodeProperties[] };

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
		fields: operations.flatMap((operation) => operation.fields),
	};
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
