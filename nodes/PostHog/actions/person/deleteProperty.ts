import { updateDisplayOptions, type INodePropertyOptions } from 'n8n-workflow';
import { errorCode } from '../../transport/retry';
import { optionsField } from '../shared/descriptions';
import { explainsFailures } from '../shared/operations';
import { personLocator, personPropertyNameField } from './fields';

/**
 * PostHog looks the person up outside its usual error handling here, so a person that does not
 * exist (or has no distinct ID) is a 500, not a 404 (docs/posthog-api-part2.md §3); the error says so.
 */
const explainMissingPerson = (error: unknown) =>
	errorCode(error) === '500'
		? 'PostHog answers 500 here when the person does not exist or has no distinct ID. Check the Person with Get.'
		: undefined;

export const option: INodePropertyOptions = {
	name: 'Delete Property',
	value: 'deleteProperty',
	action: 'Delete a property from a person',
	description: 'Remove one property from a person',
	routing: {
		request: {
			method: 'POST',
			url: '/api/projects/{projectId}/persons/{personId}/delete_property/',
			body: { $unset: '={{ $parameter.propertyName }}' },
		},
		operations: explainsFailures(explainMissingPerson),
	},
};

export const toolDescription =
	'Remove one property from a person, by UUID, distinct ID or URL. Returns PostHog’s answer.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['person'], operation: ['deleteProperty'] } },
	[personLocator(), personPropertyNameField(), optionsField()],
);
