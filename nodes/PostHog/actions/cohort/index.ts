import { defineResource } from '../shared/resource';
import * as addPersons from './addPersons';
import * as create from './create';
import * as deleteCohort from './delete';
import * as get from './get';
import * as getAll from './getAll';
import * as getPersons from './getPersons';
import * as removePerson from './removePerson';

export const cohort = defineResource({ name: 'Cohort', value: 'cohort' }, 'getAll', [
	addPersons,
	create,
	deleteCohort,
	get,
	getAll,
	getPersons,
	removePerson,
]);
