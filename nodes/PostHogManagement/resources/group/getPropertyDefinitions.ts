import {
	NodeApiError,
	type DeclarativeRestApiSettings,
	type IDataObject,
	type IExecutePaginationFunctions,
	type INodeExecutionData,
	type INodePropertyOptions,
	type JsonObject,
} from 'n8n-workflow';
import { followOffset } from '../../shared/pagination';

type LegacyDefinitions = Record<string, Array<{ name: string; count: number }>>;

/**
 * Older PostHog answers `{"0": [{name, count}], …}` keyed by group type; current cloud dropped the
 * route (404), so the project's group property definitions are read instead (posthog-api.md §2.6).
 * Either way the output is one item per definition: `{group_type_index, name, count}`.
 */
async function definitionsWithFallback(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	let legacy: INodeExecutionData[];
	try {
		legacy = await this.makeRoutingRequest(requestData);
	} catch (error) {
		if (!(error instanceof NodeApiError) || error.httpCode !== '404') {
			throw new NodeApiError(this.getNode(), error as JsonObject);
		}
		const url = (requestData.options.url ?? '').replace(
			'/groups/property_definitions/',
			'/property_definitions/',
		);
		const definitions = await followOffset.call(this, {
			...requestData,
			options: { ...requestData.options, url, qs: { type: 'group' } },
		});
		return definitions.map(({ json }) => ({
			json: {
				group_type_index: json.group_type_index ?? null,
				name: json.name,
				count: json.count ?? null,
			},
		}));
	}
	const byGroupType = (legacy[0]?.json ?? {}) as IDataObject as LegacyDefinitions;
	return Object.entries(byGroupType).flatMap(([groupTypeIndex, definitions]) =>
		(definitions ?? []).map(({ name, count }) => ({
			json: { group_type_index: Number(groupTypeIndex), name, count },
		})),
	);
}

export const getPropertyDefinitionsOperation: INodePropertyOptions = {
	name: 'Get Property Definitions',
	value: 'getPropertyDefinitions',
	action: 'Get group property definitions',
	description: 'List the property names used by groups of every type, one item per property',
	routing: {
		request: { method: 'GET', url: '/api/projects/{projectId}/groups/property_definitions/' },
		send: { paginate: true },
		operations: { pagination: definitionsWithFallback },
	},
};
