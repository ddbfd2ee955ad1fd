'use strict';
// Shared set-up of the end-to-end tests: the cached n8n (2.40.7, or N8N_VERSION as in
// scripts/dev/n8n.js: compat.e2e.js runs the same tests on 1.x), a fresh user folder with this
// package installed from its packed tarball (as n8n's community-node installer does), the
// sandbox (the emulator with demo data), and the credential pointing at it.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const n8n = require('../../scripts/dev/n8n');
const { packPackage, installTarball, repo, packDir } = require('../../scripts/dev/package');
const { startSandbox, DEMO } = require('../emulator/demo');

const CREDENTIAL = {
	id: 'PhSandboxCred001',
	name: 'PostHog sandbox',
	type: 'postHogManagementApi',
};
const examplesDir = path.join(packDir(), 'examples'); // those of the checkout that is packed
const artifactsDir = process.env.E2E_ARTIFACTS ?? path.join(repo, 'test-artifacts');

const examples = () =>
	fs
		.readdirSync(examplesDir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((file) => ({
			file: path.join(examplesDir, file),
			workflow: JSON.parse(fs.readFileSync(path.join(examplesDir, file), 'utf8')),
		}));

function credentialFile(dir, sandboxUrl, apiKey) {
	const file = path.join(dir, 'credentials.json');
	fs.writeFileSync(
		file,
		JSON.stringify(
			[{ ...CREDENTIAL, data: { region: 'custom', host: sandboxUrl, apiKey } }],
			null,
			2,
		),
	);
	return file;
}

/**
 * Everything the tests need, in order: n8n installed (cached), a fresh user folder with the
 * packed package installed in it, and a sandbox. `importAll` adds the credential and examples.
 */
async function setUp({ port } = {}) {
	const timings = {};
	let t = Date.now();
	n8n.ensureN8n();
	timings.n8nInstallMs = Date.now() - t;

	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-posthog-e2e-'));
	const userFolder = path.join(work, 'user');
	fs.mkdirSync(userFolder);

	t = Date.now();
	const tarball = packPackage(work);
	const env0 = n8n.node24Env();
	const packageDir = installTarball(userFolder, tarball, { env: env0 });
	timings.packInstallMs = Date.now() - t;

	const sandbox = await startSandbox();
	const n8nPort = port ?? (await n8n.freePort(0));
	const env = n8n.n8nEnv(userFolder, { port: n8nPort, brokerPort: await n8n.freePort(0) });

	const importAll = async () => {
		const s = Date.now();
		await n8n.n8nCli(
			['import:credentials', `--input=${credentialFile(work, sandbox.url, sandbox.apiKey)}`],
			env,
		);
		await n8n.n8nCli(['import:workflow', '--separate', `--input=${examplesDir}`], env);
		timings.importMs = Date.now() - s;
	};

	const tearDown = async () => {
		await sandbox.close();
		if (!process.env.E2E_KEEP) fs.rmSync(work, { recursive: true, force: true });
	};
	return {
		work,
		userFolder,
		tarball,
		packageDir,
		sandbox,
		env,
		n8nPort,
		importAll,
		tearDown,
		timings,
	};
}

/** `n8n execute --id <id> --rawOutput`, parsed. */
async function executeWorkflow(env, id) {
	const result = await n8n.runN8n(['execute', `--id=${id}`, '--rawOutput'], env);
	if (result.code !== 0) {
		throw new Error(
			`n8n execute --id=${id} exited with ${result.code}\n${result.stdout.slice(-6000)}\n${result.stderr.slice(-3000)}`,
		);
	}
	return { run: n8n.parseExecuteOutput(result.stdout), ms: result.ms, stdout: result.stdout };
}

/** The items a node output in a run (`output` 0 is the main output, 1 the error output). */
function nodeOutput(run, nodeName, output = 0) {
	const runs = run.data.resultData.runData[nodeName];
	if (!runs)
		throw new Error(
			`node "${nodeName}" did not run; ran: ${Object.keys(run.data.resultData.runData).join(', ')}`,
		);
	const [first] = runs;
	if (first.error) throw new Error(`node "${nodeName}" failed: ${first.error.message}`);
	return (first.data.main[output] ?? []).map((item) => item.json);
}

module.exports = {
	CREDENTIAL,
	DEMO,
	examples,
	credentialFile,
	setUp,
	executeWorkflow,
	nodeOutput,
	artifactsDir,
	n8n,
};
