import type { INodeProperties } from 'n8n-workflow';
import { locatorField } from '../shared/descriptions';
import { requireUuidId, type LocatorUrl } from '../../shared/locator';
import { fillPlaceholder } from '../../shared/placeholder';

export const ISSUE_URL: LocatorUrl = {
	pattern: /\/error_tracking\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i,
	shape: '…/project/ID/error_tracking/ISSUE_UUID',
};

const fillIssueId = fillPlaceholder('issueId', (context) =>
	requireUuidId(context, 'issueId', 'Issue', 'valid issue', ISSUE_URL),
);

/** The Issue locator; it fills the `{issueId}` of the operation's URL. */
export function issueLocator(): INodeProperties {
	return locatorField({
		displayName: 'Issue',
		name: 'issueId',
		description: 'The error-tracking issue: exceptions PostHog grouped as one problem',
		search: 'searchErrorTrackingIssues',
		idPlaceholder: 'e.g. 0195c1d2-e3f4-7a5b-8c6d-7e8f9a0b1c2d',
		urlPlaceholder:
			'e.g. https://us.posthog.com/project/12345/error_tracking/0195c1d2-e3f4-7a5b-8c6d-7e8f9a0b1c2d',
		fill: fillIssueId,
	});
}
