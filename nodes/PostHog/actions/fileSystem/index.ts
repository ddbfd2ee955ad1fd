import { defineResource } from '../shared/resource';
import * as countByPath from './countByPath';
import * as fileUnfiled from './fileUnfiled';
import * as getLogViews from './getLogViews';
import * as link from './link';
import * as logView from './logView';
import * as move from './move';
import * as undoDelete from './undoDelete';

export const fileSystem = defineResource({ name: 'File System', value: 'fileSystem' }, 'move', [
	countByPath,
	fileUnfiled,
	getLogViews,
	link,
	logView,
	move,
	undoDelete,
]);
