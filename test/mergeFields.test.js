// mergeRepeatedFields: declarations that n8n would resolve once per copy become one, and only
// where the merged field shows and hides for exactly what each copy did.
require('./helpers/builtPackage');
const { NodeHelpers } = require('n8n-workflow');
const { mergeRepeatedFields } = require('../dist/nodes/PostHog/actions/shared/mergeFields.js');

const resource = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	options: [{ name: 'Thing', value: 'thing' }],
	default: 'thing',
};

const selector = (resource, operations) => ({
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	displayOptions: { show: { resource: [resource] } },
	options: operations.map((value) => ({ name: value, value })),
	default: operations[0],
});
const key = (operations, hide) => ({
	displayName: 'Key',
	name: 'key',
	type: 'string',
	default: '',
	displayOptions: { show: { resource: ['thing'], operation: operations }, ...(hide && { hide }) },
});
const mode = (operations, fallback = 'b') => ({
	displayName: 'Mode',
	name: 'mode',
	type: 'options',
	options: [
		{ name: 'A', value: 'a' },
		{ name: 'B', value: 'b' },
	],
	default: fallback,
	displayOptions: { show: { resource: ['thing'], operation: operations } },
});
const keys = (properties) => properties.filter((property) => property.name === 'key');
/** What n8n keeps of a Get node's parameters (as it does when it loads a workflow). */
const keptForGet = (properties) =>
	NodeHelpers.getNodeParameters(
		[resource, ...properties],
		{ resource: 'thing', operation: 'get', key: 'k1' },
		true,
		false,
		null,
		{ name: 'thing' },
	);

test('copies that differ only in the operations they show for become one field', () => {
	const merged = keys(
		mergeRepeatedFields([selector('thing', ['get', 'update']), key(['get']), key(['update'])]),
	);
	expect(merged.map((property) => property.displayOptions)).toEqual([
		{ show: { resource: ['thing'], operation: ['get', 'update'] } },
	]);
});

test("a copy that hides under a parameter the other copy's operation lacks merges, keeping the hide", () => {
	const hide = { mode: ['a'] };
	const properties = mergeRepeatedFields([
		selector('thing', ['get', 'related']),
		key(['get']),
		mode(['related']),
		key(['related'], hide),
	]);
	expect(keys(properties).map((property) => property.displayOptions)).toEqual([
		{ show: { resource: ['thing'], operation: ['get', 'related'] }, hide },
	]);
	expect(hide).toEqual({ mode: ['a'] });
	expect(keptForGet(properties).key).toBe('k1');
});

test("a hide that the parameter's default meets keeps the copies apart: n8n checks defaults of hidden parameters too", () => {
	const properties = mergeRepeatedFields([
		selector('thing', ['get', 'related']),
		key(['get']),
		mode(['related'], 'a'),
		key(['related'], { mode: ['a'] }),
	]);
	expect(keys(properties).map((property) => property.displayOptions.show.operation)).toEqual([
		['get'],
		['related'],
	]);
	expect(keptForGet(properties).key).toBe('k1');
});

test('a hide under @version is never taken to be moot', () => {
	const merged = keys(
		mergeRepeatedFields([
			selector('thing', ['get', 'related']),
			key(['get']),
			key(['related'], { '@version': [1] }),
		]),
	);
	expect(merged).toHaveLength(2);
});

test('a hide under a parameter the other operation has too keeps the copies apart', () => {
	const merged = keys(
		mergeRepeatedFields([
			selector('thing', ['get', 'related']),
			mode(['get', 'related']),
			key(['get']),
			key(['related'], { mode: ['a'] }),
		]),
	);
	expect(merged.map((property) => property.displayOptions.show.operation)).toEqual([
		['get'],
		['related'],
	]);
});

test('copies hiding under the same parameter for different values stay apart', () => {
	const merged = keys(
		mergeRepeatedFields([
			selector('thing', ['get', 'related']),
			mode(['related']),
			key(['get'], { mode: ['b'] }),
			key(['related'], { mode: ['a'] }),
		]),
	);
	expect(merged).toHaveLength(2);
});
