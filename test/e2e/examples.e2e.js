'use strict';
// End to end: the packed package installed into a real n8n 2.40.7 user folder as n8n's
// community-node installer does; the credential and every example workflow imported with n8n's
// CLI; each example executed headless with `n8n execute` against the sandbox. Asserts the
// requests the sandbox received and the workflows' output.
// Run: npm run test:e2e  (node:test under Node 24; not part of `npm test`).
const { after, before, test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const {
	DEMO,
	examples,
	setUp,
	executeWorkflow,
	nodeOutput,
	CREDENTIAL,
	n8n,
} = require('./harness');
const { SEED } = require('../emulator');
const { signIn } = require('../helpers/n8nRest');
const { waitFor } = require('./services');

const NODE_TYPE = 'n8n-nodes-posthog.postHogManagement';
const TRIGGER_TYPES = ['n8n-nodes-posthog.postHogTrigger', 'n8n-nodes-posthog.postHogPollTrigger'];
/** Examples started by one of the package's triggers: they run on a started n8n, not from the CLI. */
const startsWithTrigger = ({ workflow }) =>
	workflow.nodes.some((n) => TRIGGER_TYPES.includes(n.type));
let ctx;

before(async () => {
	ctx = await setUp();
	await ctx.importAll();
	console.log(
		`# n8n ready (install check ${ctx.timings.n8nInstallMs} ms), pack + install ${ctx.timings.packInstallMs} ms, import ${ctx.timings.importMs} ms`,
	);
});

after(async () => {
	if (ctx) await ctx.tearDown();
});

const apiRequests = () =>
	ctx.sandbox.requests.map(
		(r) =>
			`${r.method} ${r.path}${Object.keys(r.query).length ? `?${new URLSearchParams(r.query)}` : ''}`,
	);

function assertAuthorized() {
	for (const r of ctx.sandbox.requests)
		assert.equal(r.headers.authorization, `Bearer ${ctx.sandbox.apiKey}`);
}

test('the package is installed the way n8n installs community packages', () => {
	const manifest = JSON.parse(fs.readFileSync(path.join(ctx.packageDir, 'package.json'), 'utf8'));
	assert.equal(manifest.name, 'n8n-nodes-posthog');
	assert.equal(manifest.devDependencies, undefined);
	assert.equal(manifest.peerDependencies, undefined);
	for (const file of [...manifest.n8n.nodes, ...manifest.n8n.credentials]) {
		assert.ok(fs.existsSync(path.join(ctx.packageDir, file)), `${file} is in the tarball`);
	}
	assert.ok(!fs.existsSync(path.join(ctx.packageDir, 'node_modules')), 'no runtime dependencies');
	const installed = JSON.parse(
		fs.readFileSync(path.join(ctx.userFolder, '.n8n', 'nodes', 'package.json'), 'utf8'),
	);
	assert.equal(installed.dependencies['n8n-nodes-posthog'], manifest.version);
});

test('every example uses the PostHog node with the shared credential, and can run from the CLI', () => {
	const list = examples().filter((example) => !startsWithTrigger(example));
	assert.equal(list.length, 8);
	for (const { workflow, file } of list) {
		const posthogNodes = workflow.nodes.filter((n) => n.type === NODE_TYPE);
		assert.ok(posthogNodes.length > 0, `${file} uses the PostHog node`);
		for (const node of posthogNodes)
			assert.deepEqual(node.credentials.postHogManagementApi, {
				id: CREDENTIAL.id,
				name: CREDENTIAL.name,
			});
		assert.ok(
			workflow.nodes.some((n) => n.type === 'n8n-nodes-base.manualTrigger'),
			`${file} has a manual trigger`,
		);
	}
});

test('refresh-insight-share-links: one refresh per chosen insight, new share links out', async () => {
	ctx.sandbox.reset();
	const before = Object.fromEntries(
		ctx.sandbox.state.sharing.map((s) => [s.insight_id, s.access_token]),
	);
	const { run, ms } = await executeWorkflow(ctx.env, 'PhRefreshShares1');
	console.log(`# refresh-insight-share-links executed in ${ms} ms`);

	// The three items' requests run at the same time, so they may arrive in any order.
	assert.deepEqual(
		apiRequests().sort(),
		[101, 103, 106].map((id) => `POST /api/projects/1/insights/${id}/sharing/refresh/`),
	);
	assertAuthorized();

	assert.equal(run.data.resultData.lastNodeExecuted, 'New share links');
	const refreshed = nodeOutput(run, 'Refresh share link');
	assert.equal(refreshed.length, 3);
	const links = nodeOutput(run, 'New share links');
	const after = Object.fromEntries(
		ctx.sandbox.state.sharing.map((s) => [s.insight_id, s.access_token]),
	);
	assert.deepEqual(
		links,
		[101, 103, 106].map((id) => ({
			insightId: id,
			shareUrl: `https://us.posthog.com/shared/${after[id]}`,
			passwordRequired: id === 101,
		})),
	);
	for (const id of [101, 103, 106])
		assert.notEqual(after[id], before[id], `insight ${id} has a new access token`);
});

test('group-properties-from-webhook: creates the company when it is new', async () => {
	ctx.sandbox.reset();
	const { run, ms } = await executeWorkflow(ctx.env, 'PhWebhookGroups1');
	console.log(`# group-properties-from-webhook (new group) executed in ${ms} ms`);

	assert.deepEqual(apiRequests(), [
		'POST /api/projects/1/groups/update_property/?group_type_index=0&group_key=northwind',
		'POST /api/projects/1/groups/',
	]);
	assertAuthorized();
	assert.deepEqual(ctx.sandbox.requests[1].body, {
		group_type_index: 0,
		group_key: 'northwind',
		group_properties: { name: 'Northwind Traders', plan: 'pro', seats: 42 },
	});
	assert.deepEqual(nodeOutput(run, 'Update properties', 0), []);
	assert.equal(
		nodeOutput(run, 'Update properties', 1).length,
		1,
		'the 404 left by the error output',
	);
	const [created] = nodeOutput(run, 'Create group');
	assert.equal(created.group_key, 'northwind');
	assert.deepEqual(created.group_properties, { name: 'Northwind Traders', plan: 'pro', seats: 42 });
	assert.equal(run.data.resultData.lastNodeExecuted, 'Create group');
});

test('group-properties-from-webhook: updates the company when it exists', async () => {
	// the group from the test before is still there; change it in "PostHog" first
	const group = ctx.sandbox.state.groups.find((g) => g.group_key === 'northwind');
	assert.ok(group, 'created by the previous test');
	group.group_properties = { name: 'Northwind', plan: 'free', seats: 3, country: 'US' };
	ctx.sandbox.requests.length = 0;

	const { run } = await executeWorkflow(ctx.env, 'PhWebhookGroups1');
	const update =
		'POST /api/projects/1/groups/update_property/?group_type_index=0&group_key=northwind';
	assert.deepEqual(apiRequests(), [update, update, update]);
	assert.deepEqual(
		ctx.sandbox.requests.map((r) => r.body),
		[
			{ key: 'name', value: 'Northwind Traders' },
			{ key: 'plan', value: 'pro' },
			{ key: 'seats', value: 42 },
		],
	);
	const [updated] = nodeOutput(run, 'Update properties', 0);
	assert.deepEqual(updated.group_properties, {
		name: 'Northwind Traders',
		plan: 'pro',
		seats: 42,
		country: 'US',
	});
	assert.equal(run.data.resultData.runData['Create group'], undefined, 'nothing created');
});

test('tidy-project-tree: files unfiled dashboards, then moves them into the target folder', async () => {
	ctx.sandbox.reset();
	const { run, ms } = await executeWorkflow(ctx.env, 'PhTidyProjTree01');
	console.log(`# tidy-project-tree executed in ${ms} ms`);

	const moves = ctx.sandbox.requests.filter((r) => r.path.endsWith('/move/'));
	assert.deepEqual(apiRequests().slice(0, 2), [
		'GET /api/projects/1/file_system/unfiled/?type=dashboard',
		'POST /api/projects/1/file_system/count_by_path/?path=Unfiled%2FDashboards',
	]);
	assert.equal(ctx.sandbox.requests.length, 2 + moves.length);
	assertAuthorized();

	const [filed] = nodeOutput(run, 'File unfiled dashboards');
	assert.deepEqual(filed, { count: DEMO.unfiledDashboards.length });
	const names = ['Board metrics', 'Customer success', 'Growth weekly', 'Ops overview'];
	assert.deepEqual(
		moves.map((r) => r.body.new_path).sort(),
		names.map((n) => `Team dashboards/${n}`),
	);
	const moved = nodeOutput(run, 'Move into target folder');
	assert.deepEqual(
		moved.map((e) => e.path).sort(),
		names.map((n) => `Team dashboards/${n}`),
	);
	assert.ok(moved.every((e) => e.type === 'dashboard'));

	// and in "PostHog": nothing left in Unfiled/Dashboards, the dashboards are in the folder
	const tree = ctx.sandbox.state.fileSystem.filter((r) => r.project_id === DEMO.projectId);
	assert.deepEqual(
		tree.filter((r) => r.path.startsWith('Unfiled/Dashboards/')),
		[],
	);
	assert.deepEqual(
		tree
			.filter((r) => r.path.startsWith('Team dashboards/'))
			.map((r) => r.ref)
			.sort(),
		DEMO.unfiledDashboards.slice().sort(),
	);
});

test('daily-signup-digest: one HogQL query with its placeholder values, then the digest of the last 7 days', async () => {
	ctx.sandbox.reset();
	const { workflow } = examples().find(({ file }) => file.endsWith('daily-signup-digest.json'));
	const { query } = workflow.nodes.find((node) => node.name === 'Signups by day').parameters;
	// The sandbox's signups are on January 15, 16 and 18, 2025: run on the morning after that week.
	const realNow = ctx.sandbox.now;
	ctx.sandbox.now = () => new Date('2025-01-21T08:00:00Z');
	try {
		const { run, ms } = await executeWorkflow(ctx.env, 'PhDailyDigest001');
		console.log(`# daily-signup-digest executed in ${ms} ms`);

		assert.deepEqual(apiRequests(), ['POST /api/projects/1/query/']);
		assertAuthorized();
		assert.deepEqual(ctx.sandbox.requests[0].body, {
			query: { kind: 'HogQLQuery', query, values: { event: 'signed_up', days: 7 } },
			refresh: 'blocking',
		});
		assert.deepEqual(nodeOutput(run, 'Signups by day'), [
			{ day: '2025-01-15', signups: 1 },
			{ day: '2025-01-16', signups: 1 },
			{ day: '2025-01-18', signups: 1 },
		]);
		assert.deepEqual(nodeOutput(run, 'Write the digest'), [
			{
				total: 3,
				text: 'Signups in the last 7 days: 3\n• 2025-01-15: 1\n• 2025-01-16: 1\n• 2025-01-18: 1',
			},
		]);
	} finally {
		ctx.sandbox.now = realNow;
	}
});

test('gdpr-delete-person-by-email: finds the persons with the email, deletes each with its events, and keeps a receipt', async () => {
	ctx.sandbox.reset();
	const maria = SEED.personIds.maria;
	const { run, ms } = await executeWorkflow(ctx.env, 'PhGdprDeletePrs1');
	console.log(`# gdpr-delete-person-by-email executed in ${ms} ms`);

	assert.deepEqual(apiRequests(), [
		'GET /api/projects/1/persons/?email=maria%40acme.com&limit=100&offset=0',
		`DELETE /api/projects/1/persons/${maria}/?delete_events=true`,
	]);
	assertAuthorized();
	assert.deepEqual(nodeOutput(run, 'Delete person'), [
		{ success: true, queued: true, person: maria },
	]);
	assert.deepEqual(nodeOutput(run, 'Deletion receipt'), [
		{
			email: 'maria@acme.com',
			person: maria,
			distinctIds: ['maria@acme.com', 'anon-1f2e'],
			queued: true,
			eventsDeleted: true,
		},
	]);
	// and in "PostHog": the person is gone, and the deletion of the events was asked for
	assert.equal(
		ctx.sandbox.state.persons.some((p) => p.uuid === maria),
		false,
	);
	assert.deepEqual(
		ctx.sandbox.state.personDeletions.map(({ uuid, delete_events }) => ({ uuid, delete_events })),
		[{ uuid: maria, delete_events: true }],
	);
});

test('ci-deploy-annotation: one bot annotation at the deploy time for a production deploy', async () => {
	ctx.sandbox.reset();
	const { run, ms } = await executeWorkflow(ctx.env, 'PhCiDeployMark01');
	console.log(`# ci-deploy-annotation executed in ${ms} ms`);

	assert.deepEqual(apiRequests(), ['POST /api/projects/1/annotations/']);
	assertAuthorized();
	assert.deepEqual(ctx.sandbox.requests[0].body, {
		content: 'Deployed v1.5.0 (abc1234)',
		date_marker: '2025-03-01T12:00:00Z',
		scope: 'project',
		creation_type: 'GIT',
	});
	const [annotation] = nodeOutput(run, 'Create annotation');
	assert.equal(annotation.content, 'Deployed v1.5.0 (abc1234)');
	assert.equal(annotation.scope, 'project');
	assert.equal(annotation.creation_type, 'GIT');
	assert.equal(Date.parse(annotation.date_marker), Date.parse('2025-03-01T12:00:00Z'));
	assert.equal(
		ctx.sandbox.state.annotations.filter((a) => a.content === 'Deployed v1.5.0 (abc1234)').length,
		1,
	);
});

test('crm-segment-to-cohort: looks the emails up, adds the persons found to the static cohort, reports the rest', async () => {
	ctx.sandbox.reset();
	const { betaTesters } = SEED.cohortIds;
	const { maria, tom, li } = SEED.personIds;
	const { run, ms } = await executeWorkflow(ctx.env, 'PhCrmSegCohort01');
	console.log(`# crm-segment-to-cohort executed in ${ms} ms`);

	const lookups = ['maria@acme.com', 'tom@acme.com', 'li@globex.com', 'new.lead@example.com'].map(
		(id) => `GET /api/projects/1/persons/?distinct_id=${encodeURIComponent(id)}`,
	);
	const add = `PATCH /api/projects/1/cohorts/${betaTesters}/add_persons_to_static_cohort/`;
	const sent = apiRequests();
	assert.deepEqual(
		sent
			.filter((line) => line !== add)
			.map((line) => line.replace(/&.*$/, ''))
			.sort(),
		lookups.sort(),
	);
	assert.deepEqual(sent.slice(-1), [add]);
	assertAuthorized();
	assert.deepEqual(ctx.sandbox.requests.at(-1).body.person_ids.sort(), [maria, tom, li].sort());
	assert.deepEqual(nodeOutput(run, 'Add to cohort'), [
		{ success: true, cohort: betaTesters, added: 3, notFound: ['new.lead@example.com'] },
	]);
	const cohort = ctx.sandbox.state.cohorts.find((c) => c.id === betaTesters);
	assert.deepEqual(cohort.members.sort(), [maria, tom, li].sort());
});

test('survey-responses-to-crm: the last day’s responses, one note per response, answers by question', async () => {
	ctx.sandbox.reset();
	const survey = SEED.surveyIds.productFeedback;
	const { run, ms } = await executeWorkflow(ctx.env, 'PhSurveyToCrm001');
	console.log(`# survey-responses-to-crm executed in ${ms} ms`);

	assert.deepEqual(apiRequests(), [
		`GET /api/projects/1/surveys/${survey}/`,
		`GET /api/projects/1/surveys/${survey}/archived-response-uuids/`,
		'POST /api/projects/1/query/',
	]);
	assertAuthorized();
	const { query } = ctx.sandbox.requests[2].body;
	assert.equal(query.kind, 'HogQLQuery');
	assert.equal(query.values.survey, survey);
	const since = Date.parse(query.values.since);
	assert.ok(Math.abs(Date.now() - 86400e3 - since) < 600e3, 'Since is a day ago');

	const responses = nodeOutput(run, 'Responses of the last day');
	assert.deepEqual(
		responses.map((r) => r.distinctId),
		['maria@acme.com', 'tom@acme.com', 'li@globex.com'],
	);
	const [maria] = nodeOutput(run, 'Write the note');
	assert.equal(maria.email, 'maria@acme.com');
	assert.match(
		maria.note,
		/^Survey “Product feedback” \(.+\):\n• What could we improve\? Faster exports\n• Which features do you use\? Insights, Feature flags$/,
	);
});

test('the trigger examples start with the package’s triggers, with the shared credential', () => {
	const list = examples().filter(startsWithTrigger);
	assert.deepEqual(list.map(({ workflow }) => workflow.id).sort(), [
		'PhNewCompanyCrm1',
		'PhNewIssueTicket',
		'PhSignupFailAlrt',
	]);
	for (const { workflow } of list) {
		for (const node of workflow.nodes.filter((n) => TRIGGER_TYPES.includes(n.type))) {
			assert.deepEqual(node.credentials.postHogManagementApi, {
				id: CREDENTIAL.id,
				name: CREDENTIAL.name,
			});
		}
	}
});

// Triggers need a started n8n: activation (the editor's Publish, n8n 1.x: the Active toggle)
// through its REST API, the webhook served on its port, polls on its schedule.
test('the trigger examples on a started n8n: event trigger destination, delivery and removal; a polled new company; PostHog’s own signals', async (t) => {
	ctx.sandbox.reset();
	await n8n.n8nCli(['import:workflow', `--input=${FLAG_WORKFLOW}`], ctx.env);
	const server = await n8n.startN8nServer(ctx.env, {
		logFile: path.join(ctx.work, 'n8n-triggers.log'),
	});
	console.log(`# n8n started in ${server.readyMs} ms`);
	try {
		const rest = await signIn(server.url, { n8nBin: n8n.n8nBin(), version: n8n.N8N_VERSION });
		await t.test(
			'signup-failed-alert: activation makes the destination, a delivery runs the workflow, deactivation deletes it',
			() => eventTrigger(rest),
		);
		await t.test(
			'new-company-to-crm: a company created in PostHog comes out of the next scheduled poll',
			() => pollTrigger(rest),
		);
		await t.test(
			'new-error-tracking-issue-to-ticket and a flag-change trigger: internal destinations, signed deliveries run them, a forged one gets 401',
			() => signalTriggers(rest),
		);
	} finally {
		await server.stop();
	}
});

const ALERT_ID = 'PhSignupFailAlrt';
const CRM_ID = 'PhNewCompanyCrm1';
const ISSUE_ID = 'PhNewIssueTicket';
const FLAG_ID = 'PhFlagChangedE2e';
const FLAG_WORKFLOW = path.join(__dirname, 'trigger-workflows', 'flag-changed.json');

/** The look-up of destinations a workflow's trigger made before (docs/instant-trigger.md §4). */
const madeBefore = (workflowId) =>
	`GET /api/projects/1/hog_functions/?limit=100&offset=0&search=n8n-ref%3A${workflowId}%3A`;

/** The newest execution of a workflow once it finished, with its run data. */
async function finishedRun(rest, workflowId, { afterId = 0, timeoutMs = 30_000 } = {}) {
	const execution = await waitFor(
		`a finished execution of ${workflowId}`,
		async () => {
			const [newest] = await rest.executions(workflowId);
			return (
				newest &&
				Number(newest.id) > afterId &&
				['success', 'error', 'crashed'].includes(newest.status) &&
				newest
			);
		},
		{ timeoutMs, intervalMs: 500 },
	);
	assert.equal(execution.status, 'success');
	return await rest.run(execution.id);
}

async function eventTrigger(rest) {
	const node = examples()
		.find(({ workflow }) => workflow.id === ALERT_ID)
		.workflow.nodes.find((n) => n.type === TRIGGER_TYPES[0]);
	const webhookUrl = `http://localhost:${ctx.n8nPort}/webhook/${node.webhookId}/webhook`;
	ctx.sandbox.requests.length = 0;

	await rest.activate(ALERT_ID);
	assert.deepEqual(apiRequests(), [madeBefore(ALERT_ID), 'POST /api/projects/1/hog_functions/']);
	assertAuthorized();
	const destinations = ctx.sandbox.state.hogFunctions.filter(
		(fn) => fn.inputs.url?.value === webhookUrl,
	);
	assert.equal(destinations.length, 1, 'one destination points at n8n’s production webhook URL');
	const [destination] = destinations;
	assert.equal(destination.enabled, true);
	assert.deepEqual(
		destination.filters.events.map((e) => e.id),
		['signup_failed'],
	);
	assert.match(
		destination.name,
		/^n8n: PostHog: alert on a failed signup \(workflow PhSignupFailAlrt\)$/,
	);

	const [delivery] = await ctx.sandbox.deliverEvent({
		event: 'signup_failed',
		distinct_id: 'maria@acme.com',
		properties: { reason: 'card_declined' },
	});
	assert.deepEqual(delivery.statuses, [200]);
	const run = await finishedRun(rest, ALERT_ID);
	const [received] = nodeOutput(run, node.name);
	assert.equal(received.event.event, 'signup_failed');
	assert.equal(received.event.distinct_id, 'maria@acme.com');
	assert.equal(received.person.name, 'maria@acme.com');
	assert.equal(received.event.url.startsWith(ctx.sandbox.url), true);
	assert.deepEqual(received.project.id, DEMO.projectId);
	const [alert] = nodeOutput(run, 'Alert text');
	assert.match(alert.text, /^Signup failed for maria@acme\.com: card_declined \(/);

	// a caller without the secret starts nothing
	const executions = (await rest.executions(ALERT_ID)).length;
	const forged = await fetch(webhookUrl, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'x-n8n-secret': 'forged' },
		body: JSON.stringify({ event: { uuid: 'forged', event: 'signup_failed' } }),
	});
	assert.equal(forged.status, 401);
	assert.equal((await rest.executions(ALERT_ID)).length, executions);

	ctx.sandbox.requests.length = 0;
	await rest.deactivate(ALERT_ID);
	assert.deepEqual(apiRequests(), [`PATCH /api/projects/1/hog_functions/${destination.id}/`]);
	assert.deepEqual(ctx.sandbox.requests[0].body, { deleted: true, enabled: false });
	assert.equal(destination.deleted, true);
	assert.deepEqual(
		await ctx.sandbox.deliverEvent({ event: 'signup_failed', distinct_id: 'tom@acme.com' }),
		[],
	);
}

async function pollTrigger(rest) {
	ctx.sandbox.requests.length = 0;
	await rest.activate(CRM_ID);
	// the first poll, at activation, notes what exists and starts nothing
	assert.deepEqual(apiRequests(), ['GET /api/projects/1/groups/?group_type_index=0']);
	assert.deepEqual(await rest.executions(CRM_ID), []);

	const created = await fetch(`${ctx.sandbox.url}/api/projects/1/groups/`, {
		method: 'POST',
		headers: { authorization: `Bearer ${ctx.sandbox.apiKey}`, 'content-type': 'application/json' },
		body: JSON.stringify({
			group_type_index: 0,
			group_key: 'northwind-e2e',
			group_properties: { name: 'Northwind Traders', domain: 'northwind.example', plan: 'pro' },
		}),
	});
	assert.equal(created.status, 201);

	// polls run every minute, at a second n8n picks at activation
	const run = await finishedRun(rest, CRM_ID, { timeoutMs: 90_000 });
	const companies = nodeOutput(run, 'New company in PostHog');
	assert.deepEqual(
		companies.map((c) => c.group_key),
		['northwind-e2e'],
	);
	const [record] = nodeOutput(run, 'CRM company');
	assert.deepEqual(
		{ ...record, firstSeen: undefined },
		{
			name: 'Northwind Traders',
			domain: 'northwind.example',
			plan: 'pro',
			posthogGroupKey: 'northwind-e2e',
			firstSeen: undefined,
		},
	);
	await rest.deactivate(CRM_ID);
}

/**
 * Two kinds of PostHog's own signals on a real n8n: publishing makes an internal destination,
 * signed, for each; the sandbox's signal reaches n8n signed and runs the workflow (the time from
 * the sandbox's delivery to the execution's start is logged); a delivery with a forged signature
 * gets 401 and starts nothing; unpublishing removes both.
 */
async function signalTriggers(rest) {
	const { signal } = require('../emulator/signals');
	const flagWorkflow = JSON.parse(fs.readFileSync(FLAG_WORKFLOW, 'utf8'));
	const triggerOf = (workflow) => workflow.nodes.find((n) => n.type === TRIGGER_TYPES[0]);
	const issueWorkflow = examples().find(({ workflow }) => workflow.id === ISSUE_ID).workflow;
	const destinationOf = (workflow) => {
		const url = `http://localhost:${ctx.n8nPort}/webhook/${triggerOf(workflow).webhookId}/webhook`;
		const found = ctx.sandbox.state.hogFunctions.filter((fn) => fn.inputs.url?.value === url);
		assert.equal(found.length, 1, `one destination for ${workflow.id}`);
		return found[0];
	};

	for (const workflow of [issueWorkflow, flagWorkflow]) {
		ctx.sandbox.requests.length = 0;
		await rest.activate(workflow.id);
		assert.deepEqual(apiRequests(), [
			madeBefore(workflow.id),
			'POST /api/projects/1/hog_functions/',
		]);
		const destination = destinationOf(workflow);
		assert.equal(destination.type, 'internal_destination');
		assert.equal(destination.enabled, true);
		assert.match(destination.inputs.signing_secret.value, /^whsec_/);
		assert.equal(destination.inputs.headers.value['X-N8N-Secret'], undefined);
	}
	assert.deepEqual(
		destinationOf(issueWorkflow).filters.events.map((e) => e.id),
		['$error_tracking_issue_created'],
	);

	const timings = [];
	async function fire(workflow, name) {
		const afterId = Number((await rest.executions(workflow.id))[0]?.id ?? 0);
		const sentAt = Date.now();
		const [delivery, ...more] = await ctx.sandbox.deliverInternalEvent(
			signal(ctx.sandbox.state, name),
		);
		assert.deepEqual(more, []);
		assert.deepEqual(delivery.statuses, [200]);
		const run = await finishedRun(rest, workflow.id, { afterId });
		timings.push(`${name} ${Date.parse(run.startedAt) - sentAt} ms`);
		return nodeOutput(run, triggerOf(workflow).name)[0];
	}

	const issue = ctx.sandbox.state.errorTrackingIssues.find((i) => i.status === 'active');
	const created = await fire(issueWorkflow, 'issue-created');
	assert.deepEqual(created.issue, {
		id: issue.id,
		name: issue.name,
		description: issue.description,
		status: 'active',
		fingerprint: issue.fingerprint,
		url: `${ctx.sandbox.url}/project/1/error_tracking/${issue.id}`,
	});
	const issueRun = await rest.run((await rest.executions(ISSUE_ID))[0].id);
	const [ticket] = nodeOutput(issueRun, 'Ticket');
	assert.equal(ticket.title, `${issue.name}: ${issue.description}`);
	assert.match(
		ticket.description,
		new RegExp(`Issue: ${ctx.sandbox.url}/project/1/error_tracking/`),
	);

	const changed = await fire(flagWorkflow, 'flag-changed');
	assert.equal(changed.activity.scope, 'FeatureFlag');
	assert.equal(changed.activity.activity, 'updated');
	assert.deepEqual(changed.activity.changes[0], {
		type: 'FeatureFlag',
		action: 'changed',
		field: 'active',
		before: true,
		after: false,
	});
	assert.equal(changed.activity.user.email, ctx.sandbox.state.user.email);
	console.log(`# sandbox delivery → workflow start: ${timings.join(', ')}`);

	// a delivery with a forged signature starts nothing
	const url = destinationOf(flagWorkflow).inputs.url.value;
	const executions = (await rest.executions(FLAG_ID)).length;
	const body = JSON.stringify(signal(ctx.sandbox.state, 'flag-changed'));
	const forged = await fetch(url, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			'webhook-id': 'msg_forged',
			'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
			'webhook-signature': `v1,${Buffer.alloc(32).toString('base64')}`,
		},
		body,
	});
	assert.equal(forged.status, 401);
	assert.equal((await rest.executions(FLAG_ID)).length, executions);

	for (const workflow of [issueWorkflow, flagWorkflow]) {
		const destination = destinationOf(workflow);
		await rest.deactivate(workflow.id);
		assert.equal(destination.deleted, true);
	}
}
