import { defineResource } from '../shared/resource';
import * as create from './create';
import * as deleteProperty from './deleteProperty';
import * as find from './find';
import * as getActivity from './getActivity';
import * as getAll from './getAll';
import * as getPropertyDefinitions from './getPropertyDefinitions';
import * as getPropertyValues from './getPropertyValues';
import * as getRelated from './getRelated';
import * as updateProperty from './updateProperty';
import * as upsert from './upsert';

export const group = defineResource({ name: 'Group', value: 'group' }, 'getAll', [
	create,
	deleteProperty,
	find,
	getActivity,
	getAll,
	getPropertyDefinitions,
	getPropertyValues,
	getRelated,
	updateProperty,
	upsert,
]);
