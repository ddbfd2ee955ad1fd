import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';
import { locatorId, requireNumericId } from '../../shared/locator';
import { queryParameterOf } from '../../shared/pages';
import { fillPlaceholder } from '../../shared/placeholder';
import { projectIdOf } from '../../shared/project';
import { invalidParameter } from '../../shared/validation';
import { rememberedPerExecution } from '../../transport/perExecution';
import { postHogRequest } from '../../transport/request';

/** PostHog's rule for flag keys (docs/posthog-api-part2.md §4). */
export const FLAG_KEY = /^[a-zA-Z0-9_-]+$/;

/** A flag key, checked against PostHog's rule before any request. */
export function checkFlagKey(context: IExecuteSingleFunctions, key: string, label: string): string {
	if (!key) throw invalidParameter(context, label, 'must not be empty');
	if (!FLAG_KEY.test(key)) {
		throw invalidParameter(
			context,
			label,
			`"${key}" is not a feature flag key: only letters, numbers, hyphens (-) and underscores (_) are allowed`,
		);
	}
	return key;
}

const MAX_SEARCH_PAGES = 20;
const flagLookups = rememberedPerExecution<string>();

/**
 * `search` matches keys and descriptions as substrings (a search for "beta" also finds
 * "beta-banner"), so only a flag whose key is exactly the given one counts. Deleted flags are
 * not listed, so their keys are not found.
 */
async function findFlagIdByKey(
	context: IExecuteSingleFunctions,
	project: string,
	key: string,
): Promise<string> {
	let offset: string | undefined = '0';
	for (let pages = 0; offset !== undefined && pages < MAX_SEARCH_PAGES; pages++) {
		const page = await postHogRequest<{ results?: IDataObject[]; next?: string | null }>(context, {
			method: 'GET',
			url: `/api/projects/${project}/feature_flags/`,
			qs: { search: key, ...(offset === '0' ? {} : { offset }) },
		});
		const match = (page.results ?? []).find((flag) => flag.key === key);
		if (match) return String(match.id);
		offset = queryParameterOf(page.next, 'offset');
	}
	throw invalidParameter(
		context,
		'Feature Flag',
		`no feature flag with key "${key}" in project ${project}`,
	);
}

/** The numeric flag ID: PostHog's flag routes take only that. */
async function featureFlagIdOf(context: IExecuteSingleFunctions): Promise<string> {
	const locator = context.getNodeParameter('featureFlagId', undefined, { extractValue: false }) as
		| { mode?: string }
		| undefined;
	if (locator?.mode !== 'key') {
		return requireNumericId(context, 'featureFlagId', 'Feature Flag', 'feature flag');
	}
	const key = checkFlagKey(
		context,
		locatorId(context, 'featureFlagId', 'Feature Flag'),
		'Feature Flag',
	);
	const project = projectIdOf(context);
	return await flagLookups(
		context,
		`${project}:${key}`,
		async () => await findFlagIdByKey(context, project, key),
	);
}

const fillFeatureFlagId = fillPlaceholder('featureFlagId', featureFlagIdOf);

/** The Feature Flag locator; it fills the `{featureFlagId}` of the operation's URL. */
export function featureFlagLocator(): INodeProperties {
	return {
		displayName: 'Feature Flag',
		name: 'featureFlagId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The feature flag to work on',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchFeatureFlags', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 4821',
			},
			{
				displayName: 'By Key',
				name: 'key',
				type: 'string',
				placeholder: 'e.g. new-checkout',
				hint: 'A key is resolved to the flag’s numeric ID with one look-up per execution',
			},
		],
		routing: { send: { preSend: [fillFeatureFlagId] } },
	};
}

/** Rollout Percentage, 0–100, checked before any request (expressions bypass the field's bounds). */
export function checkRollout(context: IExecuteSingleFunctions, value: unknown): number {
	if (value === '' || value === undefined || value === null) {
		throw invalidParameter(
			context,
			'Rollout Percentage',
			'no percentage given: enter one from 0 to 100, or remove the field',
		);
	}
	const rollout = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof rollout !== 'number' || !Number.isFinite(rollout) || rollout < 0 || rollout > 100) {
		throw invalidParameter(
			context,
			'Rollout Percentage',
			`"${String(value)}" is not a percentage from 0 to 100`,
		);
	}
	return rollout;
}

/**
 * Active, Description and Rollout Percentage, as Create and Update take them; each operation
 * words what Active and Rollout Percentage mean for it. Update's percentage starts empty: a
 * field added and forgotten must not roll the flag out to everyone (it fails instead).
 */
export function flagSettingFields(wording: {
	active: string;
	rollout: string;
	rolloutHint?: string;
	rolloutDefault: number | '';
}): INodeProperties[] {
	const { rolloutDefault } = wording;
	return [
		{
			displayName: 'Active',
			name: 'active',
			type: 'boolean',
			default: true,
			description: wording.active,
		},
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			default: '',
			placeholder: 'e.g. Redesigned checkout page',
			description: 'What the flag is for',
		},
		{
			displayName: 'Rollout Percentage',
			name: 'rolloutPercentage',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 100 },
			default: rolloutDefault,
			description: wording.rollout,
			...(wording.rolloutHint ? { hint: wording.rolloutHint } : {}),
		},
	];
}
