import { defineResource } from '../shared/resource';
import * as getAll from './getAll';

export const eventDefinition = defineResource(
	{ name: 'Event Definition', value: 'eventDefinition' },
	'getAll',
	[getAll],
);
