import { updateDisplayOptions, type INodePropertyOptions } from 'n8n-workflow';
import { findGroupRequest, sendGroupIdentity } from './identity';
import { optionsField } from '../../shared/descriptions';
import { groupKeyField, groupTypeIndexField } from './fields';

export const option: INodePropertyOptions = {
	name: 'Find',
	value: 'find',
	action: 'Find a group by key',
	description: 'Get one group by its type and key',
	routing: {
		request: findGroupRequest(),
		send: { preSend: [sendGroupIdentity] },
	},
};

export const fields = updateDisplayOptions({ show: { resource: ['group'], operation: ['find'] } }, [
	groupTypeIndexField(),
	groupKeyField(),
	optionsField(),
]);
