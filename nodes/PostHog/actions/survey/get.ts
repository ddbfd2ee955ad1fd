import { updateDisplayOptions, type INodePropertyOptions } from 'n8n-workflow';
import { optionsField } from '../shared/descriptions';
import { surveyLocator } from './fields';

export const option: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a survey',
	description: 'Get one survey with its questions',
	routing: { request: { method: 'GET', url: '/api/projects/{projectId}/surveys/{surveyId}/' } },
};

export const toolDescription =
	'Get one survey by UUID or URL: name, type, questions (each with id, type, question text and choices), start_date (null: a draft), end_date (set: stopped), archived.';

export const fields = updateDisplayOptions({ show: { resource: ['survey'], operation: ['get'] } }, [
	surveyLocator(),
	optionsField(),
]);
