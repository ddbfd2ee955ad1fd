import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';
import { projectIdOf } from '../../shared/project';
import { invalidParameter, isUuid } from '../../shared/validation';
import { BATCH_LOOKUP_FROM, personUuidsByDistinctIdBatch } from './distinctIdBatch';
import { personUuidByDistinctId } from './fields';

/**
 * Persons given as a list (the contract's "persons given as a list"): one ID, several separated
 * by commas or new lines, or an expression that gives an array; UUIDs (the default) or distinct
 * IDs.
 */
export function personListFields(): INodeProperties[] {
	return [
		{
			displayName: 'Person IDs',
			name: 'personIds',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			required: true,
			placeholder: 'e.g. 0193a1b5-…, 0193a1b6-…',
			description:
				'One ID, several separated by commas or new lines, or an expression that gives an array',
		},
		{
			displayName: 'Person ID Type',
			name: 'personIdType',
			type: 'options',
			options: [
				{
					name: 'Distinct ID',
					value: 'distinctId',
					description: 'IDs your app identifies persons with',
				},
				{ name: 'Person UUID', value: 'uuid', description: 'PostHog’s person UUIDs' },
			],
			default: 'uuid',
			description: 'What the Person IDs are',
		},
	];
}

export type PersonList = { type: 'uuid' | 'distinctId'; ids: string[] };

/**
 * The current item's persons, each once; empty lists and UUIDs that are not UUIDs are refused.
 * `within`: the collection the fields are in (`additionalFields.`), if any.
 */
export function readPersonList(context: IExecuteSingleFunctions, within = ''): PersonList {
	const raw = context.getNodeParameter(`${within}personIds`, '') as unknown;
	const values = Array.isArray(raw) ? raw : String(raw ?? '').split(/[,\n]/);
	const ids = [...new Set(values.map((value) => String(value ?? '').trim()).filter(Boolean))];
	if (ids.length === 0) throw invalidParameter(context, 'Person IDs', 'add at least one ID');
	const type =
		context.getNodeParameter(`${within}personIdType`, 'uuid') === 'distinctId'
			? 'distinctId'
			: 'uuid';
	const notUuid = type === 'uuid' ? ids.find((id) => !isUuid(id)) : undefined;
	if (notUuid !== undefined) {
		throw invalidParameter(
			context,
			'Person IDs',
			`"${notUuid}" is not a person UUID (set Person ID Type to Distinct ID for distinct IDs)`,
		);
	}
	return { type, ids };
}

/**
 * The persons' UUIDs: distinct IDs are looked up, many at once with HogQL from
 * `BATCH_LOOKUP_FROM` IDs on, else (or without `query:read`) one request each
 * (`GET persons/?distinct_id=`); those that match no person come back in `notFound` and are
 * never sent.
 */
export async function personUuidsOf(
	context: IExecuteSingleFunctions,
	{ type, ids }: PersonList,
): Promise<{ uuids: string[]; notFound: string[] }> {
	if (type === 'uuid') return { uuids: ids, notFound: [] };
	const project = projectIdOf(context);
	const batch =
		ids.length >= BATCH_LOOKUP_FROM
			? await personUuidsByDistinctIdBatch(context, project, ids)
			: undefined;
	const uuids: string[] = [];
	const notFound: string[] = [];
	for (const distinctId of ids) {
		const uuid = batch
			? batch.get(distinctId)
			: await personUuidByDistinctId(context, project, distinctId);
		if (uuid) uuids.push(uuid);
		else notFound.push(distinctId);
	}
	return { uuids: [...new Set(uuids)], notFound };
}
