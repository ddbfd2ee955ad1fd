import { defineResource } from '../shared/resource';
import * as get from './get';
import * as getAll from './getAll';
import * as runInsights from './runInsights';

export const dashboard = defineResource({ name: 'Dashboard', value: 'dashboard' }, 'getAll', [
	get,
	getAll,
	runInsights,
]);
