'use strict';
// Real browser, real n8n: Playwright (playwright-core) drives Debian's Chromium through the n8n
// 2.40.7 editor with this package installed from its tarball, against the sandbox. It sets up the
// owner, tests the credential with a wrong and a good key, builds a workflow with the PostHog
// Management node found by searching "PostHog", picks Group → Get Many, the credential, the
// project from the list and a group type by name, executes the node and reads the groups in the
// output panel. Every step leaves a screenshot in test/e2e/artifacts/browser/.
// Run: npm run test:browser  (node:test under Node 24; not part of `npm test`).
const { after, before, test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { chromium, selectors } = require('playwright-core');
const { DEMO, setUp, n8n } = require('./harness');

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = process.env.E2E_SCREENSHOTS ?? path.join(__dirname, 'artifacts', 'browser');
const OWNER = {
	email: 'owner@example.com',
	firstName: 'Ada',
	lastName: 'Lovelace',
	password: 'PostHog-e2e-1',
};
const GOOD_KEY = DEMO.apiKey;
const WRONG_KEY = 'phx_this_key_was_revoked';

let ctx;
let server;
let browser;
let page;
let shot = 0;

async function screenshot(name) {
	const file = path.join(SHOTS, `${String(++shot).padStart(2, '0')}-${name}.png`);
	await page.screenshot({ path: file });
	console.log(`# screenshot ${path.relative(process.cwd(), file)}`);
	return file;
}

const requestsTo = (pattern) => ctx.sandbox.requests.filter((r) => pattern.test(r.path));

before(async () => {
	fs.rmSync(SHOTS, { recursive: true, force: true });
	fs.mkdirSync(SHOTS, { recursive: true });
	ctx = await setUp();
	await ctx.importAll(); // the "PostHog sandbox" credential and the example workflows
	// publish the webhook example, so the server listens for it (Publish = Activate in n8n 2.x)
	await n8n.n8nCli(['publish:workflow', '--id=PhWebhookGroups1'], ctx.env);
	const started = Date.now();
	server = await n8n.startN8nServer(ctx.env, {
		logFile: path.join(SHOTS, '..', 'n8n-browser.log'),
	});
	console.log(`# n8n server ready in ${Date.now() - started} ms at ${server.url}`);

	selectors.setTestIdAttribute('data-test-id');
	browser = await chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
	const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
	page = await context.newPage();
	// generous: the first load of the editor compiles a large bundle, slow on a busy 2-core machine
	page.setDefaultTimeout(60_000);
	page.setDefaultNavigationTimeout(180_000);
});

after(async () => {
	if (browser) await browser.close();
	if (server) await server.stop();
	if (ctx) await ctx.tearDown();
});

test('owner setup', async () => {
	await page.goto(`${server.url}/`);
	await page.waitForURL(/\/setup/);
	await page.getByTestId('email').locator('input').fill(OWNER.email);
	await page.getByTestId('firstName').locator('input').fill(OWNER.firstName);
	await page.getByTestId('lastName').locator('input').fill(OWNER.lastName);
	await page.getByTestId('password').locator('input').fill(OWNER.password);
	await screenshot('owner-setup-form');
	await page.getByTestId('form-submit-button').click();
	await page.waitForURL((url) => !url.pathname.startsWith('/setup'));
	await page.getByTestId('main-sidebar-settings').waitFor();
	await screenshot('signed-in');
});

test('credential: Test fails clearly for a wrong key and succeeds for a good one', async () => {
	await page.goto(`${server.url}/home/credentials`);
	// the imported credential is there, with the package's icon
	await page.getByTestId('resources-list-item').filter({ hasText: 'PostHog sandbox' }).waitFor();
	await page.getByTestId('add-resource-credential').click();
	await page.getByTestId('new-credential-type-select').locator('input').fill('PostHog Management');
	await page
		.getByTestId('new-credential-type-select-option')
		.filter({ hasText: 'PostHog Management API' })
		.click();
	await page.getByTestId('new-credential-type-button').click();

	const modal = page.getByTestId('editCredential-modal');
	await modal.getByTestId('parameter-input-region').click();
	await page.getByRole('option', { name: 'Custom (Self-Hosted)' }).click();
	await modal.getByTestId('parameter-input-host').locator('input').fill(ctx.sandbox.url);
	await modal.getByTestId('parameter-input-apiKey').locator('input').fill(WRONG_KEY);
	await modal.getByTestId('credential-name').click();
	await modal
		.getByTestId('credential-name')
		.getByTestId('inline-edit-input')
		.fill('PostHog (browser test)');
	await modal.getByTestId('credential-name').getByTestId('inline-edit-input').press('Enter');
	ctx.sandbox.requests.length = 0;
	await modal.getByTestId('credential-save-button').click(); // saving runs the credential test

	const config = modal.getByTestId('node-credentials-config-container');
	await config.getByText('Couldn’t connect with these settings').waitFor();
	await modal.getByText('More details').click();
	await config.getByText('PostHog does not accept this key', { exact: false }).waitFor();
	await screenshot('credential-test-wrong-key');
	const [wrong] = requestsTo(/^\/api\/users\/@me\/$/);
	assert.equal(wrong.headers.authorization, `Bearer ${WRONG_KEY}`);

	ctx.sandbox.requests.length = 0;
	await modal.getByTestId('parameter-input-apiKey').locator('input').fill(GOOD_KEY);
	await modal.getByTestId('credential-save-button').click();
	await config.getByText('Connection tested successfully').waitFor();
	await screenshot('credential-test-good-key');
	const [good] = requestsTo(/^\/api\/users\/@me\/$/);
	assert.equal(good.headers.authorization, `Bearer ${GOOD_KEY}`);
	await modal.locator('.el-dialog__close').first().click();
	await modal.waitFor({ state: 'hidden' });
});

test('workflow: add PostHog Management from the nodes panel, list groups of a type, see them in the output', async () => {
	await page.goto(`${server.url}/workflow/new`);
	await page.getByTestId('node-creator-plus-button').click();
	await page.getByTestId('node-creator-search-bar').fill('PostHog');
	const creator = page.getByTestId('node-creator');
	const item = creator
		.getByTestId('item-iterator-item')
		.filter({ hasText: 'PostHog Management' })
		.first();
	await item.waitFor();
	await screenshot('nodes-panel-search-posthog');
	await item.click();
	await creator
		.getByTestId('item-iterator-item')
		.filter({ hasText: 'Get many groups' })
		.first()
		.waitFor();
	await screenshot('nodes-panel-posthog-actions');
	await creator
		.getByTestId('item-iterator-item')
		.filter({ hasText: 'Get many groups' })
		.first()
		.click();

	const ndv = page.getByTestId('ndv');
	await ndv.waitFor();
	// Resource and Operation: pick them in their dropdowns
	await ndv.getByTestId('parameter-input-resource').click();
	await page.getByRole('option', { name: 'Group', exact: true }).click();
	await ndv.getByTestId('parameter-input-operation').click();
	await page.getByRole('option', { name: /^Get Many/ }).click();
	await assert.doesNotReject(
		ndv.getByTestId('parameter-input-resource').locator('input').inputValue(),
	);
	assert.equal(
		await ndv.getByTestId('parameter-input-resource').locator('input').inputValue(),
		'Group',
	);
	assert.equal(
		await ndv.getByTestId('parameter-input-operation').locator('input').inputValue(),
		'Get Many',
	);

	// Credential: two exist (the imported one and the one made above); choose the sandbox's
	await ndv.getByTestId('node-credentials-select').click();
	await page.getByRole('option', { name: 'PostHog sandbox' }).click();
	assert.equal(
		await ndv.getByTestId('node-credentials-select').locator('input').inputValue(),
		'PostHog sandbox',
	);
	await screenshot('node-resource-operation-credential');

	// Project: the resource locator's list, loaded from the sandbox
	ctx.sandbox.requests.length = 0;
	await ndv.getByTestId('resource-locator-projectId').getByTestId('rlc-input').click();
	const project = page.getByTestId('rlc-item').filter({ hasText: DEMO.projectName });
	await project.waitFor();
	await screenshot('project-list-from-sandbox');
	assert.ok(requestsTo(/^\/api\/projects\/$/).length >= 1, 'the list came from GET /api/projects/');
	await project.click();

	// Group type: by name, from the dropdown loaded from groups_types/
	const groupType = ndv.getByTestId('parameter-input-groupTypeIndex');
	const accounts = page.getByRole('option', { name: /^Accounts/ });
	for (let attempt = 0; attempt < 5 && !(await accounts.isVisible()); attempt++) {
		await page.waitForTimeout(500); // the options reload after the project changes
		await groupType.locator('input').click();
	}
	await accounts.waitFor();
	await screenshot('group-type-dropdown');
	await accounts.click();
	assert.equal(await groupType.locator('input').inputValue(), 'Accounts');
	assert.ok(requestsTo(/^\/api\/projects\/1\/groups_types\/$/).length >= 1);

	// Execute the node
	ctx.sandbox.requests.length = 0;
	await ndv.getByTestId('node-execute-button').click();
	const output = ndv.getByTestId('output-panel');
	await output
		.getByTestId('run-data-item-count')
		.filter({ hasText: '50 items' })
		.waitFor({ timeout: 60_000 });
	// PostHog lists groups newest first: the sandbox's newest account is acct_150.
	await output.getByText('acct_150').first().waitFor();
	await screenshot('output-panel-groups');
	const lists = requestsTo(/^\/api\/projects\/1\/groups\/$/);
	assert.equal(lists.length, 1, 'one page of 100 is enough for a limit of 50');
	assert.equal(lists[0].query.group_type_index, '2');
	assert.equal(lists[0].headers.authorization, `Bearer ${GOOD_KEY}`);
});

// Issue 21: the editor as a new user meets it. Each step screenshots before it asserts, so a
// failing step still shows what the user saw.
test('editor texts: a hint with a placeholder name shows it as written', async () => {
	const ndv = page.getByTestId('ndv');
	await ndv.getByTestId('parameter-input-resource').click();
	await page.getByRole('option', { name: 'Person', exact: true }).click();
	await ndv.getByTestId('parameter-input-operation').click();
	await page.getByRole('option', { name: /^Get(?! Many)/ }).click();
	const person = ndv.getByTestId('resource-locator-personId');
	await person.waitFor();
	await screenshot('person-hint-and-modes');
	// the mode selector shows its whole label, not "By Distir"
	const mode = person.getByTestId('rlc-mode-selector').locator('input');
	const { scrollWidth, clientWidth } = await mode.evaluate((el) => ({
		scrollWidth: el.scrollWidth,
		clientWidth: el.clientWidth,
	}));
	assert.ok(scrollWidth <= clientWidth, `mode label fits: ${scrollWidth} > ${clientWidth}`);
	// the URL mode's hint names the URL's shape, placeholders and all
	await person.getByTestId('rlc-mode-selector').click();
	await page.getByRole('option', { name: 'By URL' }).click();
	const hint = ndv.getByText('…/project/ID/person/DISTINCT_ID', { exact: false });
	await hint.waitFor({ timeout: 10_000 }).catch(() => {});
	await screenshot('person-url-hint');
	assert.equal(await hint.count(), 1, 'the hint shows …/project/ID/person/DISTINCT_ID');
});

test('editor texts: the Query editor opens with a query to start from', async () => {
	const ndv = page.getByTestId('ndv');
	await ndv.getByTestId('parameter-input-resource').click();
	await page.getByRole('option', { name: 'Query', exact: true }).click();
	const editor = ndv.getByTestId('parameter-input-query').locator('.cm-content').first();
	await editor.waitFor();
	await screenshot('query-editor');
	assert.match(await editor.innerText(), /SELECT[\s\S]+FROM events[\s\S]+LIMIT/);
});

test('editor texts: adding Rollout Percentage under Update does not pre-fill 100', async () => {
	const ndv = page.getByTestId('ndv');
	await ndv.getByTestId('parameter-input-resource').click();
	await page.getByRole('option', { name: 'Feature Flag', exact: true }).click();
	await ndv.getByTestId('parameter-input-operation').click();
	await page.getByRole('option', { name: /^Update/ }).click();
	await screenshot('feature-flag-update');
	// a collection of several fields offers them in a select whose placeholder is Add Field
	await ndv.getByPlaceholder('Add Field').click();
	await page.getByRole('option', { name: 'Rollout Percentage' }).click();
	const rollout = ndv.getByTestId('parameter-input-rolloutPercentage').locator('input');
	await rollout.waitFor();
	await screenshot('feature-flag-update-rollout-added');
	assert.notEqual(await rollout.inputValue(), '100');
	// the key hint belongs to the By Key mode only
	const flag = ndv.getByTestId('resource-locator-featureFlagId');
	const keyHint = ndv.getByText('A key is resolved', { exact: false });
	assert.equal(await keyHint.count(), 0, 'no key hint in From List mode');
	await flag.getByTestId('rlc-mode-selector').click();
	await page.getByRole('option', { name: 'By Key' }).click();
	await keyHint.waitFor({ timeout: 10_000 }).catch(() => {});
	await screenshot('feature-flag-by-key-hint');
	assert.equal(await keyHint.count(), 1, 'the key hint shows in By Key mode');
});

test('canvas: the node subtitle shows the action, not internal names', async () => {
	await page.getByTestId('ndv-close-button').first().click();
	await page.getByTestId('ndv').waitFor({ state: 'hidden' });
	// n8n 2.x names a new node after its action too; the subtitle is the line under the name
	const node = page
		.getByTestId('canvas-node')
		.filter({ hasText: /feature flag/i })
		.first();
	await node.waitFor();
	await screenshot('canvas-node-subtitle');
	const text = await node.innerText();
	assert.doesNotMatch(text, /update: featureFlag/);
	assert.match(text, /Update a feature flag/);
});

test('nodes panel: the two triggers are listed by their names, with the trigger mark', async () => {
	await page.goto(`${server.url}/workflow/new`);
	await page.getByTestId('node-creator-plus-button').click();
	await page.getByTestId('node-creator-search-bar').fill('PostHog');
	const creator = page.getByTestId('node-creator');
	const items = creator.getByTestId('item-iterator-item');
	await items.filter({ hasText: 'PostHog Management' }).first().waitFor();
	await screenshot('nodes-panel-triggers-search');
	for (const name of ['PostHog Trigger', 'PostHog Poll Trigger']) {
		const item = items.filter({
			has: page.getByTestId('node-creator-item-name').getByText(name, { exact: true }),
		});
		assert.equal(await item.count(), 1, `${name} is listed under its name`);
		// the mark is n8n's bolt icon
		assert.equal(
			await item.locator('[data-icon="bolt-filled"]').count(),
			1,
			`${name} has the trigger mark`,
		);
	}
	await page.keyboard.press('Escape');
});

const WEBHOOK_EXAMPLES = [
	['PhCiDeployMark01', 'ci-deploy-annotation', /^POST \/api\/projects\/1\/annotations\/$/],
	['PhGdprDeletePrs1', 'gdpr-delete-person-by-email', /^DELETE \/api\/projects\/1\/persons\//],
	['PhWebhookGroups1', 'group-properties-from-webhook', /^POST \/api\/projects\/1\/groups\//],
];

test('the webhook examples run their sample from Execute workflow', async () => {
	for (const [id, name, expected] of WEBHOOK_EXAMPLES) {
		ctx.sandbox.requests.length = 0;
		await page.goto(`${server.url}/workflow/${id}`);
		await page.getByTestId('canvas-node').first().waitFor();
		await page.getByTestId('zoom-to-fit').click();
		await screenshot(`example-${name}-before-execute`);
		// no node's label hides behind the floating Execute workflow button
		const button = await page.getByTestId('execute-workflow-button').boundingBox();
		for (const label of await page.getByTestId('canvas-node').all()) {
			const box = await label.boundingBox();
			const text = (await label.innerText()).trim().split('\n')[0];
			const below = { ...box, height: box.height + 40 }; // the label sits under the node
			const overlaps =
				below.x < button.x + button.width &&
				button.x < below.x + below.width &&
				below.y < button.y + button.height &&
				button.y < below.y + below.height;
			assert.ok(!overlaps, `${name}: "${text}" is behind the Execute workflow button`);
		}
		await page.getByTestId('execute-workflow-button').click();
		const deadline = Date.now() + 20_000;
		const sent = () => ctx.sandbox.requests.map((r) => `${r.method} ${r.path}`);
		while (!sent().some((r) => expected.test(r)) && Date.now() < deadline) {
			await page.waitForTimeout(250);
		}
		await page.waitForTimeout(1000); // let the canvas show the finished run
		await screenshot(`example-${name}-executed`);
		assert.ok(
			sent().some((r) => expected.test(r)),
			`${name}: Execute workflow ran the sample (sandbox got ${sent().join(', ') || 'nothing'})`,
		);
	}
});

test('the published webhook example creates a group when another app calls it', async () => {
	ctx.sandbox.requests.length = 0;
	const payload = { company_id: 'contoso', name: 'Contoso Ltd', plan: 'enterprise', seats: 250 };
	const res = await fetch(`${server.url}/webhook/posthog-company-sync`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(payload),
	});
	assert.equal(res.status, 200, await res.text());
	// the webhook answers at once; the workflow goes on in the background
	const deadline = Date.now() + 30_000;
	let group;
	while (
		!(group = ctx.sandbox.state.groups.find((g) => g.group_key === 'contoso')) &&
		Date.now() < deadline
	) {
		await new Promise((r) => setTimeout(r, 250));
	}
	assert.ok(group, 'the group was created');
	assert.deepEqual(group.group_properties, { name: 'Contoso Ltd', plan: 'enterprise', seats: 250 });
	assert.deepEqual(
		ctx.sandbox.requests.map((r) => `${r.method} ${r.path}`),
		['POST /api/projects/1/groups/update_property/', 'POST /api/projects/1/groups/'],
	);
});

test('the example workflows open on the canvas with the PostHog node recognised', async () => {
	for (const [id, name] of [
		['PhRefreshShares1', 'refresh-insight-share-links'],
		['PhWebhookGroups1', 'group-properties-from-webhook'],
		['PhTidyProjTree01', 'tidy-project-tree'],
	]) {
		await page.goto(`${server.url}/workflow/${id}`);
		await page.getByTestId('canvas-node').first().waitFor();
		await page.getByTestId('zoom-to-fit').click();
		await page.waitForTimeout(500);
		await screenshot(`example-${name}`);
		const nodes = await page.getByTestId('canvas-node').count();
		assert.ok(nodes >= 4, `${name}: ${nodes} nodes on the canvas`);
		// an uninstalled node type shows a "?" icon and an issue; none may be unknown
		assert.equal(await page.getByText('Install this node to use it').count(), 0);
	}
});
