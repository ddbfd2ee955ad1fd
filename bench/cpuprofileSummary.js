'use strict';
// Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time per function and per package,
// and total (inclusive) time of the functions whose name matches --match.
//   node bench/cpuprofileSummary.js FILE.cpuprofile [--top 30] [--match regex]
const fs = require('node:fs');

function load(file) {
	const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const selfSamples = new Map();
	for (const id of profile.samples) selfSamples.set(id, (selfSamples.get(id) ?? 0) + 1);
	const parent = new Map();
	for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
	return {
		profile,
		byId,
		selfSamples,
		parent,
		total: profile.samples.length,
		ms: (profile.endTime - profile.startTime) / 1000,
	};
}

function packageOf(url) {
	if (!url) return '(native/idle)';
	const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
	if (m) return m[1];
	if (url.includes('/dist/nodes/') || url.includes('/dist/credentials/'))
		return '(our node: dist/)';
	if (url.includes('/bench/')) return '(bench harness)';
	if (url.includes('/test/emulator/')) return '(emulator)';
	if (url.startsWith('node:')) return 'node: internals';
	return url
		.replace(/^file:\/\//, '')
		.split('/')
		.slice(-2)
		.join('/');
}

function label(n) {
	const { functionName, url, lineNumber } = n.callFrame;
	const file = url
		? url
				.replace(/^file:\/\//, '')
				.replace(/.*node_modules\//, '')
				.replace(/.*\/work\/main\//, '')
		: '';
	return `${functionName || '(anonymous)'} ${file}${file ? `:${lineNumber + 1}` : ''}`;
}

function summarize(file, { top = 25, match } = {}) {
	const { byId, selfSamples, parent, total, ms } = load(file);
	const perFunction = new Map();
	const perPackage = new Map();
	for (const [id, count] of selfSamples) {
		const n = byId.get(id);
		const key = label(n);
		perFunction.set(key, (perFunction.get(key) ?? 0) + count);
		const pkg = ['(idle)', '(program)', '(garbage collector)'].includes(n.callFrame.functionName)
			? n.callFrame.functionName
			: packageOf(n.callFrame.url);
		perPackage.set(pkg, (perPackage.get(pkg) ?? 0) + count);
	}
	const pct = (c) => ((100 * c) / total).toFixed(1).padStart(5);
	const lines = [`${file}: ${total} samples over ${ms.toFixed(0)} ms`, '', 'self time by package:'];
	for (const [k, c] of [...perPackage].sort((a, b) => b[1] - a[1]).slice(0, 15))
		lines.push(`${pct(c)}%  ${k}`);
	lines.push('', `top ${top} functions by self time:`);
	for (const [k, c] of [...perFunction].sort((a, b) => b[1] - a[1]).slice(0, top))
		lines.push(`${pct(c)}%  ${k}`);
	if (match) {
		// inclusive time: a sample counts once for each matching function on its stack
		const re = new RegExp(match);
		const inclusive = new Map();
		for (const [id, count] of selfSamples) {
			const seen = new Set();
			for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
				const key = label(byId.get(cur));
				if (re.test(key) && !seen.has(key)) {
					seen.add(key);
					inclusive.set(key, (inclusive.get(key) ?? 0) + count);
				}
			}
		}
		lines.push('', `inclusive time of functions matching /${match}/:`);
		for (const [k, c] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top))
			lines.push(`${pct(c)}%  ${k}`);
	}
	return lines.join('\n');
}

if (require.main === module) {
	const { option, positional } = require('./cli');
	console.log(
		summarize(positional()[0], { top: Number(option('top', 25)), match: option('match') }),
	);
}

module.exports = { summarize };
