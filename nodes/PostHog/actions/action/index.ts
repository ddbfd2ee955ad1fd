import { defineResource } from '../shared/resource';
import * as get from './get';
import * as getAll from './getAll';

export const action = defineResource({ name: 'Action', value: 'action' }, 'getAll', [get, getAll]);
