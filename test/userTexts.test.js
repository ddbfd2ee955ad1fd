// n8n shows descriptions, hints, notices, placeholders and errors' messages and descriptions as
// HTML, so text between `<` and `>` disappears ("properties.<name>" reads "properties."). Every
// string of the built nodes and credential may hold only the HTML n8n means: links and emphasis.
// Written placeholders use capitals instead: `…/project/ID/insights/SHORT_ID`, `properties.NAME`.
const fs = require('node:fs');
const path = require('node:path');

const DIST = path.join(__dirname, '..', 'dist');
const ALLOWED_TAGS = new Set(['a', 'b', 'br', 'code', 'em', 'i', 'strong']);
const STRING = /'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g;
const TAG = /<\/?([A-Za-z][\w-]*)[^<>]*>/g;

const builtFiles = (dir) =>
	fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const file = path.join(dir, entry.name);
		if (entry.isDirectory()) return builtFiles(file);
		return entry.name.endsWith('.js') ? [file] : [];
	});

test('no text of the nodes holds a <word> that n8n would swallow as HTML', () => {
	const files = [
		...builtFiles(path.join(DIST, 'nodes')),
		...builtFiles(path.join(DIST, 'credentials')),
	];
	expect(files.length).toBeGreaterThan(50);
	const swallowed = [];
	for (const file of files) {
		for (const [literal] of fs.readFileSync(file, 'utf8').matchAll(STRING)) {
			for (const [tag, name] of literal.matchAll(TAG)) {
				if (!ALLOWED_TAGS.has(name.toLowerCase()))
					swallowed.push(`${path.relative(DIST, file)}: ${tag} in ${literal.slice(0, 120)}`);
			}
		}
	}
	expect(swallowed).toEqual([]);
});

test('the check finds such a text', () => {
	const literal = "'Tables: events (properties.<name>)'";
	expect([...literal.matchAll(TAG)].map(([, name]) => name)).toEqual(['name']);
	expect([...'\'see <a href="x">the docs</a>\''.matchAll(TAG)].map(([, n]) => n)).toEqual([
		'a',
		'a',
	]);
});
