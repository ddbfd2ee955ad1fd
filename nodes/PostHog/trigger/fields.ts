import type { INodeProperties } from 'n8n-workflow';
import { projectField } from '../shared/project';
import { kindFields } from './kinds';

const reachNotice: INodeProperties = {
	displayName:
		'On activation this node creates a webhook destination in PostHog, which must reach this n8n over public HTTPS (not localhost). Deactivating the workflow deletes the destination.',
	name: 'reachNotice',
	type: 'notice',
	default: '',
};

export const triggerFields: INodeProperties[] = [projectField, ...kindFields, reachNotice];
