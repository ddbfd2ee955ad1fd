import {
	NodeApiError,
	updateDisplayOptions,
	type DeclarativeRestApiSettings,
	type IDataObject,
	type IExecutePaginationFunctions,
	type INodeExecutionData,
	type INodePropertyOptions,
	type JsonObject,
} from 'n8n-workflow';
import { sendRoutedRequest } from '../../transport/request';
import { optionsField } from '../shared/descriptions';
import { sendsOwnRequests } from '../shared/operations';
import { toItems } from '../shared/output';
import { followOffset } from '../shared/pagination';

type LegacyDefinitions = Record<string, Array<{ name: string; count: number }>>;

/**
 * Current PostHog lists group property definitions one group type at a time
 * (`?type=group&group_type_index=N`), so the fallback asks the project's group types first.
 */
async function definitionsPerGroupType(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<IDataObject[]> {
	const projectPath = (requestData.options.url ?? '').replace('groups/property_definitions/', '');
	const at = (url: string, qs: IDataObject = {}) => ({
		...requestData,
		options: { ...requestData.options, url: `${projectPath}${url}`, qs },
	});
	const groupTypes = await sendRoutedRequest.call(this, at('groups_types/'));
	const definitions: IDataObject[] = [];
	for (const { json: groupType } of groupTypes) {
		const group_type_index = Number(groupType.group_type_index);
		const page = await followOffset.call(
			this,
			at('property_definitions/', { type: 'group', group_type_index }),
		);
		definitions.push(...page.map(({ name }) => ({ group_type_index, name, count: null })));
	}
	return definitions;
}

/**
 * Older PostHog answers `{"0": [{name, count}], …}` keyed by group type; current cloud dropped the
 * route (404), so the project's property definitions are read instead (docs/posthog-api.md §2.6).
 * Either way the output is one item per definition: `{group_type_index, name, count}`.
 */
async function definitionsWithFallback(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	let legacy: INodeExecutionData[];
	try {
		legacy = await sendRoutedRequest.call(this, requestData);
	} catch (error) {
		if (!(error instanceof NodeApiError) || error.httpCode !== '404') {
			throw new NodeApiError(this.getNode(), error as JsonObject);
		}
		return toItems(this, await definitionsPerGroupType.call(this, requestData));
	}
	const byGroupType = (legacy[0]?.json ?? {}) as IDataObject as LegacyDefinitions;
	return toItems(
		this,
		Object.entries(byGroupType).flatMap(([groupTypeIndex, definitions]) =>
			(definitions ?? []).map(({ name, count }) => ({
				group_type_index: Number(groupTypeIndex),
				name,
				count,
			})),
		),
	);
}

export const option: INodePropertyOptions = {
	name: 'Get Property Definitions',
	value: 'getPropertyDefinitions',
	action: 'Get group property definitions',
	description: 'List the property names used by groups of every type, one item per property',
	routing: {
		request: { method: 'GET', url: '/api/projects/{projectId}/groups/property_definitions/' },
		operations: sendsOwnRequests(definitionsWithFallback),
	},
};

export const toolDescription =
	'List the property names used by groups, one item per property {group_type_index, name, count}.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['group'], operation: ['getPropertyDefinitions'] } },
	[optionsField()],
);
