// The examples as n8n's editor opens them. "Execute workflow" starts from one trigger: the one the
// user picked, or else the first enabled trigger by n8n's own ranking (editor-ui 2.40.7,
// workflows.store: Form 10, Webhook 9, any other non-core trigger 8, Schedule 7, Manual 6,
// Execute Workflow 5, Error 4, other core triggers 0). A Webhook then waits for a test call,
// unless it has pinned data, which n8n runs at once (docs/n8n-notes.md §9).
const fs = require('node:fs');
const path = require('node:path');

const DIR = path.join(__dirname, '..', 'examples');
const RANK = {
	'n8n-nodes-base.formTrigger': 10,
	'n8n-nodes-base.webhook': 9,
	'n8n-nodes-base.scheduleTrigger': 7,
	'n8n-nodes-base.manualTrigger': 6,
	'n8n-nodes-base.executeWorkflowTrigger': 5,
	'n8n-nodes-base.errorTrigger': 4,
};
const TRIGGERS = new Set([...Object.keys(RANK), 'n8n-nodes-base.cron']);
const isTrigger = (node) =>
	TRIGGERS.has(node.type) || /Trigger$/.test(node.type) || node.type === 'n8n-nodes-base.webhook';
// n8n-nodes-base triggers not in the table are "Core Nodes" (rank 0); community ones rank 8
const rank = (node) => RANK[node.type] ?? (node.type.startsWith('n8n-nodes-base.') ? 0 : 8);

/** The trigger "Execute workflow" starts from when the user has picked none. */
function executeWorkflowStart(workflow) {
	return workflow.nodes
		.filter((node) => isTrigger(node) && !node.disabled)
		.sort((a, b) => rank(b) - rank(a))[0];
}

/** What starting from that trigger does: run at once, or wait for something from outside. */
function startsAtOnce(workflow, trigger) {
	if (workflow.pinData?.[trigger.name]?.length) return true;
	return ['n8n-nodes-base.manualTrigger', 'n8n-nodes-base.scheduleTrigger'].includes(trigger.type);
}

const examples = fs
	.readdirSync(DIR)
	.filter((file) => file.endsWith('.json'))
	.map((file) => ({ file, workflow: JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8')) }));
const sampleOf = (workflow, webhook) => {
	// the manual trigger's path: Manual Trigger → a Set node whose JSON is the sample
	const manual = workflow.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger');
	const [next] = workflow.connections[manual.name].main[0];
	const set = workflow.nodes.find((n) => n.name === next.node);
	return { set, body: JSON.parse(set.parameters.jsonOutput).body, webhook };
};
const withWebhook = examples.filter(({ workflow }) =>
	workflow.nodes.some((n) => n.type === 'n8n-nodes-base.webhook'),
);

test('the ranking picks the Webhook over the manual trigger, as n8n does', () => {
	const workflow = {
		nodes: [
			{ name: 'Manual', type: 'n8n-nodes-base.manualTrigger' },
			{ name: 'Hook', type: 'n8n-nodes-base.webhook' },
		],
	};
	expect(executeWorkflowStart(workflow).name).toBe('Hook');
	expect(startsAtOnce(workflow, executeWorkflowStart(workflow))).toBe(false);
	expect(startsAtOnce({ ...workflow, pinData: { Hook: [{ json: {} }] } }, workflow.nodes[1])).toBe(
		true,
	);
});

test.each(
	examples
		.filter(({ workflow }) => workflow.nodes.some((n) => n.type === 'n8n-nodes-base.manualTrigger'))
		.map(({ file, workflow }) => [file, workflow]),
)('%s: Execute workflow runs at once, from the trigger n8n picks', (file, workflow) => {
	const start = executeWorkflowStart(workflow);
	expect(startsAtOnce(workflow, start)).toBe(true);
});

test.each(withWebhook.map(({ file, workflow }) => [file, workflow]))(
	'%s: the Webhook’s pinned sample is the manual path’s sample, as a webhook call delivers it',
	(file, workflow) => {
		const webhook = workflow.nodes.find((n) => n.type === 'n8n-nodes-base.webhook');
		const { body } = sampleOf(workflow, webhook);
		const [pinned] = workflow.pinData[webhook.name];
		expect(pinned.json.body).toEqual(body);
		expect(Object.keys(pinned.json).sort()).toEqual(['body', 'headers', 'params', 'query']);
	},
);
