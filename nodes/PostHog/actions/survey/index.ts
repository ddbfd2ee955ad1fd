import { defineResource } from '../shared/resource';
import * as archive from './archive';
import * as get from './get';
import * as getAll from './getAll';
import * as getResponses from './getResponses';
import * as getStats from './getStats';
import * as launch from './launch';
import * as stop from './stop';

export const survey = defineResource({ name: 'Survey', value: 'survey' }, 'getAll', [
	archive,
	get,
	getAll,
	getResponses,
	getStats,
	launch,
	stop,
]);
