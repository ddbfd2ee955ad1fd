import {
	updateDisplayOptions,
	type DeclarativeRestApiSettings,
	type IDataObject,
	type IExecutePaginationFunctions,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INodeExecutionData,
	type INodePropertyOptions,
} from 'n8n-workflow';
import { readDateTime } from '../shared/dates';
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

/** preSend: the date bounds as ISO 8601 (PostHog parses them with Python's fromisoformat). */
async function sendDateRange(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const date_from = readDateTime(this, 'filters.dateFrom', 'Date From');
	const date_to = readDateTime(this, 'filters.dateTo', 'Date To');
	const qs: IDataObject = { ...requestOptions.qs };
	if (date_from) qs.date_from = date_from;
	if (date_to) qs.date_to = date_to;
	return { ...requestOptions, qs };
}

/**
 * Pages by limit/offset (PostHog's own page is 1,000). Older PostHog versions ignore
 * `date_from`/`date_to` rather than refusing them (docs/posthog-api-part2.md §9.2), so the
 * bounds are applied to `date_marker` here too.
 */
async function listAnnotations(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const { date_from, date_to } = (requestData.options.qs ?? {}) as IDataObject;
	const from = date_from ? Date.parse(String(date_from)) : -Infinity;
	const to = date_to ? Date.parse(String(date_to)) : Infinity;
	const inRange = (annotation: IDataObject) => {
		if (from === -Infinity && to === Infinity) return true;
		const marker = annotation.date_marker ? Date.parse(String(annotation.date_marker)) : NaN;
		return marker >= from && marker <= to;
	};
	return toItems(this, await followOffset.call(this, requestData, inRange));
}

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many annotations',
	description:
		'List annotations, latest date first. Includes organization-wide annotations made in other projects.',
	routing: {
		request: { method: 'GET', url: '/api/projects/{projectId}/annotations/' },
		send: { preSend: [sendDateRange] },
		operations: pagedBy(listAnnotations),
	},
};

export const toolDescription =
	'List annotations, latest date first, one item per annotation (id, content, date_marker, scope, created_by). Includes organization-wide annotations made in other projects. Optional: a text search and a date range (ISO 8601). Use Limit to keep the output small.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['annotation'], operation: ['getAll'] } },
	[
		returnAllField(),
		limitField(),
		filtersField(
			{
				displayName: 'Date From',
				name: 'dateFrom',
				type: 'dateTime',
				default: '',
				description: 'Only annotations dated at or after this moment',
			},
			{
				displayName: 'Date To',
				name: 'dateTo',
				type: 'dateTime',
				default: '',
				description: 'Only annotations dated at or before this moment',
			},
			queryFilter({
				displayName: 'Search',
				name: 'search',
				placeholder: 'e.g. deployed',
				description: 'Only annotations whose text contains each word of this (case-insensitive)',
			}),
		),
		{
			displayName:
				'The list includes organization-wide annotations created in other projects of the organization. Their "scope" is "organization".',
			name: 'getAllAnnotationsNotice',
			type: 'notice',
			default: '',
		},
		optionsField(),
	],
);
