import { defineResource } from '../shared/resource';
import * as create from './create';
import * as deleteAnnotation from './delete';
import * as getAll from './getAll';
import * as update from './update';

export const annotation = defineResource({ name: 'Annotation', value: 'annotation' }, 'getAll', [
	create,
	deleteAnnotation,
	getAll,
	update,
]);
