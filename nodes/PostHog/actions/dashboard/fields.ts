import type { INodeProperties } from 'n8n-workflow';
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
	return {
		displayName: 'Dashboard',
		name: 'dashboardId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchDashboards', searchable: true },
			},
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. 7' },
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: 'e.g. https://us.posthog.com/project/12345/dashboard/7',
			},
		],
		routing: { send: { preSend: [fillDashboardId] } },
	};
}
