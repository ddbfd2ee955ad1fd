import {
	updateDisplayOptions,
	type DeclarativeRestApiSettings,
	type IDataObject,
	type IExecutePaginationFunctions,
	type INodeExecutionData,
	type INodePropertyOptions,
} from 'n8n-workflow';
import { sendRoutedRequest } from '../../transport/request';
import {
	filtersField,
	limitField,
	optionsField,
	queryFilter,
	returnAllField,
} from '../shared/descriptions';
import { pagedBy } from '../shared/operations';
import { toItems } from '../shared/output';
import { followOffset } from '../shared/pagination';

/**
 * Return All walks every limit/offset page; a Limit asks for that many in one request
 * (PostHog's list has no maximum page size, docs/posthog-api.md §0 "Pagination").
 */
async function listInsights(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const limit = Number(requestData.maxResults);
	if (!(limit > 0)) return toItems(this, await followOffset.call(this, requestData));
	const options = { ...requestData.options, qs: { ...requestData.options.qs, limit, offset: 0 } };
	const [page] = await sendRoutedRequest.call(this, { ...requestData, options });
	const results = (page?.json.results as IDataObject[] | undefined) ?? [];
	return toItems(this, results.slice(0, limit));
}

// basic=true: the light serializer, no results computed; saved=true: PostHog's own list view
// leaves out unsaved insights (docs/posthog-api-part2.md §5.1, §8).
export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many insights',
	description: 'List the saved insights of the project',
	routing: {
		request: {
			method: 'GET',
			url: '/api/projects/{projectId}/insights/',
			qs: { basic: true, saved: true },
		},
		operations: pagedBy(listInsights),
	},
};

export const toolDescription =
	'List the saved insights of the project, one item per insight (id, short_id, name, description, last_modified_at), most recently modified first. Optional text search. Use Limit to keep the output small.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['insight'], operation: ['getAll'] } },
	[
		returnAllField(),
		limitField(),
		filtersField(
			queryFilter({
				displayName: 'Search',
				name: 'search',
				placeholder: 'e.g. signups',
				description: 'Only insights whose name, description or tags contain this text',
			}),
		),
		optionsField(),
	],
);
