import {
	updateDisplayOptions,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INodePropertyOptions,
} from 'n8n-workflow';
import { invalidParameter } from '../../shared/validation';
import {
	filtersField,
	limitField,
	optionsField,
	queryFilter,
	returnAllField,
} from '../shared/descriptions';
import { pagedBy } from '../shared/operations';
import { followOffsetPages } from '../shared/pagination';

/**
 * preSend: Filters → Properties as PostHog's JSON array `[{key, value, type: "person"}]`
 * (docs/posthog-api-part2.md §3); the operator defaults to an exact match.
 */
async function sendPropertyFilters(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const entries = this.getNodeParameter('filters.properties.property', []) as Array<{
		key?: unknown;
		value?: unknown;
	}>;
	if (entries.length === 0) return requestOptions;
	const filters = entries.map(({ key, value }, position) => {
		const name = String(key ?? '').trim();
		if (!name)
			throw invalidParameter(this, 'Properties', `filter ${position + 1} has an empty key`);
		return { key: name, value: String(value ?? ''), type: 'person' };
	});
	return { ...requestOptions, qs: { ...requestOptions.qs, properties: JSON.stringify(filters) } };
}

// Pages by limit/offset, newest first; `id` is the UUID here but an integer on Get, so chain `uuid`.
export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many persons',
	description:
		'List persons, newest first, optionally filtered. Chain their uuid: the ID is a UUID here but a number on Get.',
	routing: {
		request: { method: 'GET', url: '/api/projects/{projectId}/persons/' },
		send: { preSend: [sendPropertyFilters] },
		operations: pagedBy(followOffsetPages),
	},
};

export const toolDescription =
	'List persons, newest first, one item per person: id and uuid (the person’s UUID, to chain into other person operations), distinct_ids, properties (e.g. properties.email), created_at. Optional filters: search (email, distinct ID or UUID), an exact email, an exact distinct ID, property values. Use Limit to keep the output small.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['person'], operation: ['getAll'] } },
	[
		returnAllField(),
		limitField(),
		filtersField(
			queryFilter({
				displayName: 'Distinct ID',
				name: 'distinctId',
				query: 'distinct_id',
				placeholder: 'e.g. maria@acme.com',
				description: 'Only the person with exactly this distinct ID',
			}),
			queryFilter({
				displayName: 'Email',
				name: 'email',
				placeholder: 'e.g. maria@acme.com',
				description: 'Only persons whose email property is exactly this',
			}),
			{
				displayName: 'Properties',
				name: 'properties',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				placeholder: 'Add Property',
				description: 'Only persons whose properties have all these values (exact match)',
				options: [
					{
						displayName: 'Property',
						name: 'property',
						values: [
							{
								displayName: 'Key',
								name: 'key',
								type: 'string',
								default: '',
								placeholder: 'e.g. plan',
								description: 'Name of the person property',
							},
							{
								displayName: 'Value',
								name: 'value',
								type: 'string',
								default: '',
								placeholder: 'e.g. pro',
								description: 'The value it must have',
							},
						],
					},
				],
			},
			queryFilter({
				displayName: 'Search',
				name: 'search',
				placeholder: 'e.g. acme.com',
				description:
					'Only persons whose email contains this text, or with exactly this distinct ID',
			}),
		),
		optionsField(),
	],
);
