import type { IDataObject } from 'n8n-workflow';
import { eventEntry, eventProperty, propertiesOf, type TriggerKind } from './kind';
import { textOrNull as text } from './text';

const ACTIVITY_LOGGED = '$activity_log_entry_created';

// PostHog's activity-log scopes (its ActivityScope names), the ones a workflow most likely
// watches (docs/posthog-api-part3.md §9.2). Sorted by display name.
const SCOPES: Array<[name: string, value: string]> = [
	['Action', 'Action'],
	['Alert', 'AlertConfiguration'],
	['Cohort', 'Cohort'],
	['Dashboard', 'Dashboard'],
	['Error Tracking Issue', 'ErrorTrackingIssue'],
	['Event Definition', 'EventDefinition'],
	['Experiment', 'Experiment'],
	['Feature Flag', 'FeatureFlag'],
	['Group', 'Group'],
	['Insight', 'Insight'],
	['Person', 'Person'],
	['Survey', 'Survey'],
];

const ACTIVITIES = ['created', 'deleted', 'updated'];

const chosen = (values: unknown): string[] => (Array.isArray(values) ? values.map(String) : []);

/** Who made the change: the entry's user, or null for PostHog's own (system) entries. */
function userOf(entry: IDataObject): IDataObject | null {
	const user = entry.user as IDataObject | null | undefined;
	if (!user) return null;
	const name = [user.first_name, user.last_name].filter(Boolean).join(' ');
	return { id: user.id ?? null, name: name || text(user.email), email: text(user.email) };
}

/**
 * Entries of the project's activity log: an `internal_destination` on
 * `$activity_log_entry_created`, whose properties are the serialized entry; scopes filter the
 * event entry, activities the whole function, as PostHog's flag page does (§9.2, §9.3).
 */
export const activityKind: TriggerKind = {
	option: {
		name: 'Activity',
		value: 'activity',
		description: 'Someone creates, changes or deletes something in PostHog, e.g. a feature flag',
	},
	fields: [
		{
			displayName: 'Scopes',
			name: 'activityScopes',
			type: 'multiOptions',
			options: SCOPES.map(([name, value]) => ({ name, value })),
			default: [],
			description: 'What kind of thing changed; leave empty for every kind',
			hint: 'Leave Scopes and Activities empty and every entry of the project’s activity log starts the workflow',
		},
		{
			displayName: 'Activities',
			name: 'activityTypes',
			type: 'multiOptions',
			options: ACTIVITIES.map((value) => ({
				name: value[0].toUpperCase() + value.slice(1),
				value,
			})),
			default: [],
			description: 'What happened to it; leave empty for every activity',
		},
	],
	subscription(context) {
		const scopes = chosen(context.getNodeParameter('activityScopes', []));
		const activities = chosen(context.getNodeParameter('activityTypes', []));
		return {
			type: 'internal_destination',
			filters: {
				events: [
					eventEntry(ACTIVITY_LOGGED, 0, scopes.length ? [eventProperty('scope', scopes)] : []),
				],
				...(activities.length ? { properties: [eventProperty('activity', activities)] } : {}),
			},
		};
	},
	summary: {
		key: 'activity',
		of(delivery) {
			const entry = propertiesOf(delivery);
			const detail = (entry.detail as IDataObject | undefined) ?? {};
			return {
				scope: text(entry.scope),
				itemId: text(entry.item_id),
				activity: text(entry.activity),
				name: text(detail.name),
				changes: Array.isArray(detail.changes) ? detail.changes : [],
				user: userOf(entry),
			};
		},
	},
};
