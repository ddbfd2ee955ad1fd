#!/usr/bin/env node
// Applies the rules of n8n's community-package scanner (@n8n/scan-community-package) locally:
// first to the source it would lint (package.json, nodes/, credentials/), then to the packed
// tarball's compiled .js and package.json. Provenance is checked by n8n only on a published
// version, so that step is not repeated here. Run `npm run build` first.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
	analyzePackage,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

function packTarball() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-posthog-scan-'));
	const [{ filename }] = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--pack-destination', dir], {
			cwd: root,
			encoding: 'utf8',
		}),
	);
	const packageDir = path.join(dir, 'package');
	fs.mkdirSync(packageDir);
	execFileSync('tar', ['-xzf', path.join(dir, filename), '-C', packageDir, '--strip-components=1']);
	return packageDir;
}

let failed = false;
for (const [label, dir, patterns] of [
	['source', root, SOURCE_FILE_PATTERNS],
	['packed tarball', packTarball(), ['**/*.js', 'package.json']],
]) {
	const result = await analyzePackage(dir, patterns);
	console.log(
		`${result.passed ? '✅' : '❌'} ${label}${result.message ? `: ${result.message}` : ''}`,
	);
	if (result.details) console.log(result.details);
	failed ||= !result.passed;
}
process.exit(failed ? 1 : 0);
