'use strict';
// Packs this repository and installs the tarball into an n8n user folder the way n8n's
// community-node installer does (n8n 2.40.7 CommunityPackagesService.downloadPackage, see
// docs/n8n-notes.md §4), so n8n loads it as an installed community package.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const repo = path.resolve(__dirname, '..', '..');
// The checkout that is packed: this repository, or another built one (e.g. a clone of the last
// commit while the working tree is mid-change) named by N8N_NODES_POSTHOG_PACK_DIR.
const packDir = () => path.resolve(process.env.N8N_NODES_POSTHOG_PACK_DIR || repo);
const pkg = () => JSON.parse(fs.readFileSync(path.join(packDir(), 'package.json'), 'utf8'));

/** `npm pack` of the repository (dist/ must be built); returns the tarball's path. */
function packPackage(
	destination = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-posthog-pack-')),
) {
	for (const file of [...pkg().n8n.nodes, ...pkg().n8n.credentials]) {
		if (!fs.existsSync(path.join(packDir(), file)))
			throw new Error(`${file} is missing in ${packDir()}: run \`npm run build\` first`);
	}
	const out = execFileSync(
		'npm',
		['pack', '--json', '--pack-destination', destination, '--loglevel=error'],
		{
			cwd: packDir(),
			encoding: 'utf8',
		},
	);
	const [{ filename }] = JSON.parse(out);
	return path.join(destination, path.basename(filename));
}

/**
 * Installs `tarball` into `<userFolder>/.n8n/nodes` as n8n's installer would: unpack into
 * node_modules/<name>, drop dev/peer/optional dependencies, `npm install` the rest (none here),
 * and record it in nodes/package.json. Replaces an earlier install of the package.
 */
function installTarball(userFolder, tarball, { env = process.env } = {}) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const { name } = pkg();
	const packageDir = path.join(nodesDir, 'node_modules', name);
	fs.rmSync(packageDir, { recursive: true, force: true });
	fs.mkdirSync(packageDir, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1']);
	const manifestPath = path.join(packageDir, 'package.json');
	const { devDependencies, peerDependencies, optionalDependencies, ...manifest } = JSON.parse(
		fs.readFileSync(manifestPath, 'utf8'),
	);
	fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2), 'utf8');
	execFileSync(
		'npm',
		[
			'install',
			'--audit=false',
			'--fund=false',
			'--bin-links=false',
			'--install-strategy=shallow',
			'--ignore-scripts=true',
			'--package-lock=false',
			'--loglevel=error',
		],
		{ cwd: packageDir, env, stdio: ['ignore', 'ignore', 'inherit'] },
	);
	const listPath = path.join(nodesDir, 'package.json');
	const list = fs.existsSync(listPath)
		? JSON.parse(fs.readFileSync(listPath, 'utf8'))
		: { name: 'installed-nodes', private: true, dependencies: {} };
	list.dependencies = { ...list.dependencies, [name]: manifest.version };
	fs.writeFileSync(listPath, JSON.stringify(list, null, 2), 'utf8');
	return packageDir;
}

module.exports = { repo, packDir, packPackage, installTarball };
