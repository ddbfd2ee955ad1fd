#!/usr/bin/env node
'use strict';
// `npm run dev`: build this package, start the PostHog sandbox (the test emulator with demo data),
// and a real n8n (cached outside the repo) on Node 24 with the package installed as a community
// package, a credential for the sandbox and the example workflows. Ctrl-C stops everything.
//
// Environment (all optional):
//   N8N_PORT (5678)  POSTHOG_SANDBOX_PORT (8010)  N8N_DEV_USER_FOLDER (~/.cache/n8n-nodes-posthog/dev)
//   POSTHOG_API_KEY + POSTHOG_REGION (us | eu | custom) [+ POSTHOG_HOST]: use a real PostHog
//   instead of the sandbox. Flags: --fresh (start from an empty n8n user folder), --no-build.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const n8n = require('./n8n');
const { packPackage, installTarball, repo } = require('./package');

const args = new Set(process.argv.slice(2));
const CREDENTIAL_ID = 'PhSandboxCred001';
const OWNER = {
	email: process.env.N8N_DEV_OWNER_EMAIL ?? 'dev@example.com',
	password: process.env.N8N_DEV_OWNER_PASSWORD ?? 'PostHog-sandbox-1',
	firstName: 'Dev',
	lastName: 'Sandbox',
};

const step = (text) => console.log(`\x1b[36m▸\x1b[0m ${text}`);
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

function postHogTarget() {
	const apiKey = process.env.POSTHOG_API_KEY;
	if (!apiKey) return null;
	const region = process.env.POSTHOG_REGION ?? (process.env.POSTHOG_HOST ? 'custom' : 'us');
	if (!['us', 'eu', 'custom'].includes(region))
		throw new Error(`POSTHOG_REGION must be us, eu or custom, not "${region}"`);
	if (region === 'custom' && !process.env.POSTHOG_HOST)
		throw new Error('POSTHOG_REGION=custom needs POSTHOG_HOST');
	return { region, host: process.env.POSTHOG_HOST ?? '', apiKey };
}

/** Sets up the owner account once, so the editor opens on the sign-in page, not the setup form. */
async function ensureOwner(url) {
	const settings = await (await fetch(`${url}/rest/settings`)).json();
	if (!settings.data?.userManagement?.showSetupOnFirstLoad) return false;
	const res = await fetch(`${url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(OWNER),
	});
	if (!res.ok) throw new Error(`owner setup failed: ${res.status} ${await res.text()}`);
	return true;
}

async function main() {
	const started = Date.now();
	const userFolder = process.env.N8N_DEV_USER_FOLDER ?? path.join(n8n.cacheDir(), 'dev');
	if (args.has('--fresh')) fs.rmSync(userFolder, { recursive: true, force: true });
	fs.mkdirSync(userFolder, { recursive: true });
	const cleanups = [];
	let stopping = false;
	const stopAll = async (code = 0) => {
		if (stopping) return;
		stopping = true;
		console.log('\nStopping…');
		for (const fn of cleanups.reverse()) await fn().catch(() => {});
		process.exit(code);
	};
	process.on('SIGINT', () => void stopAll(0));
	process.on('SIGTERM', () => void stopAll(0));

	if (!args.has('--no-build')) {
		step('Building the package (npm run build)');
		execFileSync('npm', ['run', 'build', '--silent'], { cwd: repo, stdio: 'inherit' });
	}

	step(`n8n ${n8n.N8N_VERSION} (cached in ${n8n.n8nPrefix()})`);
	n8n.ensureN8n({ log: (line) => console.log(`  ${line}`) });

	step('Installing the package into n8n as a community package');
	const tarball = packPackage();
	installTarball(userFolder, tarball, { env: n8n.node24Env() });
	fs.rmSync(path.dirname(tarball), { recursive: true, force: true });

	const target = postHogTarget();
	let credential;
	if (target) {
		step(
			`Using your PostHog (${target.region === 'custom' ? target.host : `${target.region.toUpperCase()} Cloud`}); no sandbox`,
		);
		credential = { id: CREDENTIAL_ID, name: 'PostHog', type: 'postHogManagementApi', data: target };
	} else {
		const { startSandbox, DEMO } = require('../../test/emulator/demo');
		const sandboxPort = await n8n.freePort(Number(process.env.POSTHOG_SANDBOX_PORT ?? 8010));
		const sandbox = await startSandbox({ port: sandboxPort });
		cleanups.push(() => sandbox.close());
		require('./sandboxEvents').serveSandboxEvents(sandbox); // npm run dev:send-event, dev:send-signal
		step(
			`PostHog sandbox on ${sandbox.url} (project “${DEMO.projectName}”, key ${sandbox.apiKey})`,
		);
		credential = {
			id: CREDENTIAL_ID,
			name: 'PostHog sandbox',
			type: 'postHogManagementApi',
			data: { region: 'custom', host: sandbox.url, apiKey: sandbox.apiKey },
		};
	}

	const port = await n8n.freePort(Number(process.env.N8N_PORT ?? 5678));
	const env = n8n.n8nEnv(userFolder, { port, brokerPort: await n8n.freePort(0) });

	step('Importing the credential and the example workflows');
	const credentialFile = path.join(userFolder, 'posthog-credential.json');
	fs.writeFileSync(credentialFile, JSON.stringify([credential], null, 2), { mode: 0o600 });
	try {
		await n8n.n8nCli(['import:credentials', `--input=${credentialFile}`], env);
	} finally {
		fs.rmSync(credentialFile, { force: true });
	}
	await n8n.n8nCli(
		['import:workflow', '--separate', `--input=${path.join(repo, 'examples')}`],
		env,
	);

	step('Starting n8n (about 40 s)');
	const logFile = path.join(userFolder, 'n8n.log');
	const server = await n8n.startN8nServer(env, { logFile });
	cleanups.push(() => server.stop());
	server.exited.then(({ code }) => {
		if (!stopping) {
			console.error(`n8n exited (${code}); its log: ${logFile}`);
			void stopAll(1);
		}
	});
	const createdOwner = await ensureOwner(server.url);

	const examples = fs
		.readdirSync(path.join(repo, 'examples'))
		.filter((f) => f.endsWith('.json'))
		.map((f) => JSON.parse(fs.readFileSync(path.join(repo, 'examples', f), 'utf8')));
	console.log(`
\x1b[32mn8n is ready\x1b[0m in ${seconds(Date.now() - started)}:  \x1b[1m${server.url}\x1b[0m
  sign in:     ${OWNER.email} / ${OWNER.password}${createdOwner ? '  (owner account just created)' : ''}
  credential:  “${credential.name}” (PostHog Management API)
  examples:
${examples.map((w) => `    ${server.url}/workflow/${w.id}  ${w.name}`).join('\n')}
  n8n log:     ${logFile}${target ? '' : sendEventHint(credential.data.host)}
Press Ctrl-C to stop n8n${target ? '' : ' and the sandbox'}.`);
}

/** How to have the sandbox deliver an event to the destinations of published PostHog Triggers. */
function sendEventHint(sandboxUrl) {
	const env = sandboxUrl.endsWith(':8010') ? '' : `POSTHOG_SANDBOX_URL=${sandboxUrl} `;
	return (
		`\n  test event:  ${env}npm run dev:send-event -- signup_failed maria@acme.com reason=card_declined` +
		`\n  test signal: ${env}npm run dev:send-signal -- issue-created (or alert-firing, flag-changed)`
	);
}

main().catch((err) => {
	console.error(err.stack || err.message);
	process.exit(1);
});
