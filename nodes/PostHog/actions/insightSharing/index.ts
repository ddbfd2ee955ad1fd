import { defineResource } from '../shared/resource';
import * as createPassword from './createPassword';
import * as deletePassword from './deletePassword';
import * as get from './get';
import * as refresh from './refresh';

export const insightSharing = defineResource(
	{ name: 'Insight Sharing', value: 'insightSharing' },
	'get',
	[createPassword, deletePassword, get, refresh],
);
