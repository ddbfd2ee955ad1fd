import { defineResource } from '../shared/resource';
import * as run from './run';

export const query = defineResource({ name: 'Query', value: 'query' }, 'run', [run]);
