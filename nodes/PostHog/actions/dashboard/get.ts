import { updateDisplayOptions, type INodePropertyOptions } from 'n8n-workflow';
import { optionsField } from '../shared/descriptions';
import { dashboardLocator } from './fields';

export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a dashboard',
	description: 'Get one dashboard with its tiles',
	routing: {
		request: { method: 'GET', url: '/api/projects/{projectId}/dashboards/{dashboardId}/' },
	},
};

export const toolDescription =
	'Get one dashboard by numeric ID or URL: name, description, tags, and tiles (each with its insight, including the insight’s cached result, or a text).';

export const fields = updateDisplayOptions(
	{ show: { resource: ['dashboard'], operation: ['get'] } },
	[dashboardLocator(), optionsField()],
);
