import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';
import { locatorId, type LocatorUrl } from '../../shared/locator';
import { fillPlaceholder } from '../../shared/placeholder';
import { projectIdOf } from '../../shared/project';
import { invalidParameter, isUuid } from '../../shared/validation';
import { rememberedPerExecution } from '../../transport/perExecution';
import { postHogRequest } from '../../transport/request';
import { propertyNameField } from '../shared/descriptions';

const personLookups = rememberedPerExecution<string>();

// The UUID each item's request was sent for, so its output can name the person.
const resolvedPersons = new WeakMap<IExecuteSingleFunctions, string>();

/**
 * `GET persons/?distinct_id=` (docs/posthog-api-part2.md §3): the person's UUID, or undefined.
 * Only a person that lists the distinct ID counts: a server that ignored the filter would list
 * everyone, and the first of them is not the person asked for (think of Delete). Remembered
 * for the execution: every item of a run usually names the same persons.
 */
export async function personUuidByDistinctId(
	context: IExecuteSingleFunctions,
	project: string,
	distinctId: string,
): Promise<string | undefined> {
	const uuid = await personLookups(context, `${project}:${distinctId}`, async () => {
		const page = await postHogRequest<{ results?: IDataObject[] }>(context, {
			method: 'GET',
			url: `/api/projects/${project}/persons/`,
			qs: { distinct_id: distinctId },
		});
		const match = (page.results ?? []).find(
			(person) =>
				Array.isArray(person.distinct_ids) && person.distinct_ids.map(String).includes(distinctId),
		);
		return match ? String(match.uuid) : '';
	});
	return uuid || undefined;
}

function decoded(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

// The URL shows the distinct ID percent-encoded (…/person/maria%40acme.com).
const PERSON_URL: LocatorUrl = {
	pattern: /\/person\/([^/?#]+)/,
	shape: '…/project/ID/person/DISTINCT_ID',
};

/** The person's UUID, whatever the locator's mode: every person route takes the UUID. */
export async function personUuidOf(context: IExecuteSingleFunctions): Promise<string> {
	const { mode } = context.getNodeParameter('personId', undefined, { extractValue: false }) as {
		mode?: string;
	};
	const value = locatorId(context, 'personId', 'Person', PERSON_URL);
	if (!value) throw invalidParameter(context, 'Person', 'must not be empty');
	if (mode === 'id') {
		if (!isUuid(value)) {
			throw invalidParameter(
				context,
				'Person',
				`"${value}" is not a person UUID (use the Distinct mode for a distinct ID)`,
			);
		}
		return value;
	}
	const distinctId = mode === 'url' ? decoded(value) : value;
	const project = projectIdOf(context);
	const uuid = await personUuidByDistinctId(context, project, distinctId);
	if (!uuid) {
		throw invalidParameter(
			context,
			'Person',
			`no person with distinct ID "${distinctId}" in project ${project}`,
		);
	}
	return uuid;
}

const fillPersonId = fillPlaceholder('personId', async (context) => {
	const uuid = await personUuidOf(context);
	resolvedPersons.set(context, uuid);
	return uuid;
});

/** The UUID the current item's request was sent for (set when `{personId}` was filled). */
export const resolvedPersonOf = (context: IExecuteSingleFunctions) => resolvedPersons.get(context);

/** The Person locator; it fills the `{personId}` of the operation's URL with the UUID. */
export function personLocator(): INodeProperties {
	return {
		displayName: 'Person',
		name: 'personId',
		type: 'resourceLocator',
		default: { mode: 'distinctId', value: '' },
		required: true,
		description: 'The person to work on',
		// Mode labels fit n8n's 92-pixel mode selector; each mode's hint replaces the field's.
		modes: [
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 0190a3c2-7d41-7c3e-9f5e-3b1f2a4c5d6e',
				hint: 'The person’s UUID',
			},
			{
				displayName: 'Distinct',
				name: 'distinctId',
				type: 'string',
				placeholder: 'e.g. maria@acme.com',
				hint: 'A distinct ID of the person (the email or user ID your app identifies them with), resolved to the person’s UUID with one look-up per execution',
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: 'e.g. https://us.posthog.com/project/12345/person/maria%40acme.com',
				hint: `A person’s URL (${PERSON_URL.shape}), resolved to the person’s UUID with one look-up per execution`,
			},
		],
		routing: { send: { preSend: [fillPersonId] } },
	};
}

export function personPropertyNameField(): INodeProperties {
	return propertyNameField({
		placeholder: 'e.g. plan',
		description: 'Name of the person property to remove',
	});
}
