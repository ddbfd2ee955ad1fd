import { defineResource } from '../shared/resource';
import * as create from './create';
import * as deleteFlag from './delete';
import * as get from './get';
import * as getAll from './getAll';
import * as update from './update';

export const featureFlag = defineResource(
	{ name: 'Feature Flag', value: 'featureFlag' },
	'getAll',
	[create, deleteFlag, get, getAll, update],
);
