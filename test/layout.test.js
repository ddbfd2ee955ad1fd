// The layout of nodes/PostHog/: each folder is a room with the rooms it may import from, so a
// file's place says what it may use. transport/ is the one door to PostHog and stands alone;
// shared/ serves all three nodes; the triggers never reach into the action node's actions/.
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..', 'nodes', 'PostHog');

const MAY_IMPORT = {
	transport: ['transport'],
	shared: ['shared', 'transport'],
	methods: ['methods', 'shared', 'transport'],
	actions: ['actions', 'shared', 'transport'],
	trigger: ['trigger', 'shared', 'transport'],
	pollTrigger: ['pollTrigger', 'shared', 'transport'],
};

function sourceFiles(dir) {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const file = path.join(dir, entry.name);
		if (entry.isDirectory()) return sourceFiles(file);
		return entry.name.endsWith('.ts') ? [file] : [];
	});
}

/** The room of a file inside nodes/PostHog/: its first folder, or '' for the node files. */
const roomOf = (file) => {
	const [first, ...rest] = path.relative(ROOT, file).split(path.sep);
	return rest.length ? first : '';
};

const importsOf = (file) =>
	[...fs.readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)].map(([, spec]) =>
		path.resolve(path.dirname(file), spec),
	);

test('each folder of nodes/PostHog/ imports only from the folders below it', () => {
	const crossings = [];
	for (const file of sourceFiles(ROOT)) {
		const room = roomOf(file);
		if (!room) continue; // the node files put the rooms together
		expect(Object.keys(MAY_IMPORT)).toContain(room);
		for (const target of importsOf(file)) {
			if (!target.startsWith(ROOT)) continue; // the credential
			const targetRoom = roomOf(target);
			if (!MAY_IMPORT[room].includes(targetRoom)) {
				crossings.push(`${path.relative(ROOT, file)} → ${path.relative(ROOT, target)}`);
			}
		}
	}
	expect(crossings).toEqual([]);
});

test('the three nodes stand side by side in nodes/PostHog/, as package.json lists them', () => {
	const { n8n } = require('../package.json');
	expect(n8n.nodes.sort()).toEqual(
		['PostHogManagement', 'PostHogPollTrigger', 'PostHogTrigger'].map(
			(name) => `dist/nodes/PostHog/${name}.node.js`,
		),
	);
	for (const entry of n8n.nodes) {
		const source = entry.replace(/^dist\//, '').replace(/\.js$/, '.ts');
		expect(fs.existsSync(path.join(__dirname, '..', source))).toBe(true);
	}
});
