// mergeRepeatedFields: declarations that n8n would resolve once per copy become one, and only
// where the merged field shows and hides for exactly what each copy did.
require('./helpers/builtPackage');
const { mergeRepeatedFields } = require('../dist/nodes/PostHog/actions/shared/mergeFields.js');

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
const mode = (operations) => ({
	displayName: 'Mode',
	name: 'mode',
	type: 'options',
	options: [{ name: 'A', value: 'a' }],
	default: 'a',
	displayOptions: { show: { resource: ['thing'], operation: operations } },
});
const keys = (properties) => properties.filter((property) => property.name === 'key');

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
	const merged = keys(
		mergeRepeatedFields([
			selector('thing', ['get', 'related']),
			key(['get']),
			mode(['related']),
			key(['related'], hide),
		]),
	);
	expect(merged.map((property) => property.displayOptions)).toEqual([
		{ show: { resource: ['thing'], operation: ['get', 'related'] }, hide },
	]);
	expect(hide).toEqual({ mode: ['a'] });
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
