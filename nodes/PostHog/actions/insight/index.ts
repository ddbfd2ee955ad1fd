import { defineResource } from '../shared/resource';
import * as create from './create';
import * as del from './delete';
import * as get from './get';
import * as getAll from './getAll';
import * as update from './update';

export const insight = defineResource({ name: 'Insight', value: 'insight' }, 'getAll', [
	create,
	del,
	get,
	getAll,
	update,
]);
