import { updateDisplayOptions, type INodePropertyOptions } from 'n8n-workflow';
import { optionsField } from '../shared/descriptions';
import { cohortLocator } from './fields';

// Soft-deleted cohorts stay retrievable, with `deleted: true` (docs/posthog-api-part3.md §1).
export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a cohort',
	description: 'Get one cohort with its filters and count',
	routing: { request: { method: 'GET', url: '/api/projects/{projectId}/cohorts/{cohortId}/' } },
};

export const toolDescription =
	'Get one cohort by numeric ID or URL: name, description, is_static, filters (for dynamic cohorts), count and whether it is being calculated.';

export const fields = updateDisplayOptions({ show: { resource: ['cohort'], operation: ['get'] } }, [
	cohortLocator(),
	optionsField(),
]);
