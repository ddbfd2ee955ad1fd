import { updateDisplayOptions, type INodePropertyOptions } from 'n8n-workflow';
import { groupTypeIndexField } from '../../shared/groupType';
import { optionsField } from '../shared/descriptions';
import { groupKeyField } from './fields';
import { findGroupRequest, sendGroupIdentity } from './identity';

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

export const toolDescription =
	'Get one group by group type index (0 to 4) and key: group_key, created_at and group_properties. A 404 means no such group.';

export const fields = updateDisplayOptions({ show: { resource: ['group'], operation: ['find'] } }, [
	groupTypeIndexField(),
	groupKeyField(),
	optionsField(),
]);
