import type { INodeProperties } from 'n8n-workflow';
import { groupTypeIndexField } from '../shared/groupType';
import { projectField } from '../shared/project';

export const NEW_GROUP = 'newGroup';
export const NEW_PERSON = 'newPerson';

// Not "Trigger On", "Event" or "Events": n8n's nodes panel turns a trigger with such a field into
// a list of its options and drops "Trigger" from its name and its trigger mark (docs/n8n-notes.md §8).
const eventField: INodeProperties = {
	displayName: 'Poll For',
	name: 'event',
	type: 'options',
	noDataExpression: true,
	required: true,
	default: NEW_GROUP,
	options: [
		{
			name: 'New Group',
			value: NEW_GROUP,
			description: 'A group of the chosen type appears in PostHog, e.g. a new company',
		},
		{
			name: 'New Person',
			value: NEW_PERSON,
			description: 'A person appears in PostHog',
		},
	],
};

const limitsNotice: INodeProperties = {
	displayName:
		'Each poll lists the newest rows first and stops at the first one created more than 5 minutes before the newest already seen. Rows PostHog dates further back (imports, late events) are not picked up.',
	name: 'windowNotice',
	type: 'notice',
	default: '',
};

export const pollTriggerFields: INodeProperties[] = [
	eventField,
	projectField,
	{ ...groupTypeIndexField(), displayOptions: { show: { event: [NEW_GROUP] } } },
	limitsNotice,
];
