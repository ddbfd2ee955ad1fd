import type { INodeProperties } from 'n8n-workflow';
import { locatorField } from '../shared/descriptions';
import { requireNumericId, type LocatorUrl } from '../../shared/locator';
import { fillPlaceholder } from '../../shared/placeholder';

export const DASHBOARD_URL: LocatorUrl = {
	pattern: /\/dashboard\/(\d+)/,
	shape: '…/project/ID/dashboard/DASHBOARD_ID',
};

const fillDashboardId = fillPlaceholder('dashboardId', (context) =>
	requireNumericId(context, 'dashboardId', 'Dashboard', 'dashboard', DASHBOARD_URL),
);

/** The Dashboard locator; it fills the `{dashboardId}` of the operation's URL. */
export function dashboardLocator(): INodeProperties {
	return locatorField({
		displayName: 'Dashboard',
		name: 'dashboardId',
		search: 'searchDashboards',
		idPlaceholder: 'e.g. 7',
		urlPlaceholder: 'e.g. https://us.posthog.com/project/12345/dashboard/7',
		fill: fillDashboardId,
	});
}
