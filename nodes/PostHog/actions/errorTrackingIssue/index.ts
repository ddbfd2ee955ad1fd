import { defineResource } from '../shared/resource';
import * as assign from './assign';
import * as get from './get';
import * as getAll from './getAll';
import * as update from './update';

export const errorTrackingIssue = defineResource(
	{ name: 'Error Tracking Issue', value: 'errorTrackingIssue' },
	'getAll',
	[assign, get, getAll, update],
);
