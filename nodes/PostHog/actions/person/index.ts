import { defineResource } from '../shared/resource';
import * as bulkDelete from './bulkDelete';
import * as deletePerson from './delete';
import * as deleteProperty from './deleteProperty';
import * as get from './get';
import * as getAll from './getAll';
import * as setProperties from './setProperties';

export const person = defineResource({ name: 'Person', value: 'person' }, 'getAll', [
	bulkDelete,
	deletePerson,
	deleteProperty,
	get,
	getAll,
	setProperties,
]);
