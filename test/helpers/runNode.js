// Runs one node through n8n-core's real WorkflowExecute, with real HTTP (docs/n8n-notes.md §2).
const { ICredentialsHelper, Workflow } = require('n8n-workflow');
const {
	DirectoryLoader,
	ExecutionLifecycleHooks,
	LoadOptionsContext,
	WorkflowExecute,
} = require('n8n-core');

// Loaded on first use, so a caller that brings its own node type (the benchmarks) never loads dist/.
const builtPackage = () => require('./builtPackage');

class TestCredentialsHelper extends ICredentialsHelper {
	constructor(credentialType, data) {
		super();
		this.credentialType = credentialType;
		this.data = data;
	}
	getParentTypes() {
		return [];
	}
	isCredentialUsableByNode() {
		return true;
	}
	getCredentialsProperties() {
		return this.credentialType.properties;
	}
	async getDecrypted() {
		return { ...this.data };
	}
	async preAuthentication() {}
	async runPreAuthentication() {}
	async getCredentials() {}
	async updateCredentials() {}
	async updateCredentialsOauthTokenData() {}
	// The server applies a function `authenticate` exactly like this (CredentialsHelper.authenticate).
	async authenticate(credentials, _type, requestOptions) {
		return await this.credentialType.authenticate(credentials, requestOptions);
	}
}

const loadedNodeTypes = new WeakSet();

function nodeTypesFor(nodeType) {
	// As n8n's loader does, once, for every declarative node: add Settings → Request Options
	// (batching, timeout, proxy), without which n8n drops those parameters. The loader's step is
	// not idempotent (it appends its options again), hence the WeakSet.
	if (!loadedNodeTypes.has(nodeType)) {
		DirectoryLoader.applyDeclarativeNodeOptionParameters(nodeType);
		loadedNodeTypes.add(nodeType);
	}
	return {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};
}

let executions = 0;

/**
 * The node, its one-node workflow and n8n's additionalData. Triggers (runTrigger.js) also give the
 * node's `name` and `webhookId`, the workflow's `id`, `name` and saved `staticData`, and the base of
 * production webhook URLs.
 */
function setUp({
	parameters,
	credentials,
	continueOnFail,
	nodeType,
	credentialType,
	type,
	typeVersion = 1,
	name = 'PostHog Management',
	webhookId,
	workflow: { id: workflowId = 'workflow-under-test', name: workflowName, staticData } = {},
	webhookBaseUrl = '',
}) {
	const executionId = `execution-${++executions}`;
	const credentialName = credentialType.name;
	const node = {
		id: 'node-under-test',
		name,
		...(webhookId ? { webhookId } : {}),
		// n8n-core lets only `n8n-nodes-base.httpRequest` (and a few others) use any credential type.
		type: type ?? `n8n-nodes-posthog.${nodeType.description.name}`,
		typeVersion,
		position: [0, 0],
		parameters,
		credentials: { [credentialName]: { id: '1', name: 'PostHog' } },
		...(continueOnFail ? { onError: 'continueRegularOutput' } : {}),
	};
	const workflow = new Workflow({
		id: workflowId,
		name: workflowName,
		staticData,
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: nodeTypesFor(nodeType),
		settings: {},
	});
	const hooks = new ExecutionLifecycleHooks('manual', executionId, {
		id: workflowId,
		nodes: [node],
		connections: {},
	});
	const additionalData = {
		hooks,
		executionId,
		restApiUrl: '',
		webhookBaseUrl,
		webhookWaitingBaseUrl: '',
		webhookTestBaseUrl: '',
		variables: {},
		currentNodeParameters: undefined,
		credentialsHelper: new TestCredentialsHelper(credentialType, credentials),
	};
	return { node, workflow, hooks, additionalData };
}

/**
 * Runs `nodeType` once with `parameters` over the `input` items.
 * Resolves to { items, json, error }: the output items (with pairedItem), their json, and the
 * node's error when it failed (and Continue On Fail was off).
 */
async function runNode({
	parameters,
	credentials,
	input = [{ json: {} }],
	continueOnFail = false,
	nodeType = new (builtPackage().PostHogManagement)(),
	credentialType = new (builtPackage().PostHogManagementApi)(),
	type,
	typeVersion,
}) {
	const { node, workflow, hooks, additionalData } = setUp({
		parameters,
		credentials,
		continueOnFail,
		nodeType,
		credentialType,
		type,
		typeVersion,
	});
	let finish;
	const finished = new Promise((resolve) => (finish = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => finish(run));
	const runExecutionData = {
		resultData: { runData: {} },
		executionData: {
			metadata: {},
			contextData: {},
			waitingExecution: {},
			waitingExecutionSource: null,
			nodeExecutionStack: [{ node, data: { main: [input] }, source: null }],
		},
	};
	try {
		await new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(
			workflow,
		);
	} catch (error) {
		// n8n refuses to start a workflow whose node has issues (e.g. a typed value failing validation).
		return { items: [], json: [], error };
	}
	const run = await finished;
	const task = run.data.resultData.runData[node.name]?.[0];
	if (!task)
		return {
			items: [],
			json: [],
			error: run.data.resultData.error ?? new Error('the node did not run'),
		};
	if (task.error) return { items: [], json: [], error: task.error };
	const items = task.data.main[0];
	return { items, json: items.map((item) => item.json), error: undefined };
}

/**
 * Calls one of the node's `methods` (a list search or a load-options method) the way the editor
 * does, through n8n-core's LoadOptionsContext.
 */
async function callMethod({
	kind,
	method,
	parameters,
	credentials,
	args = [],
	nodeType = new (builtPackage().PostHogManagement)(),
	credentialType = new (builtPackage().PostHogManagementApi)(),
}) {
	const { node, workflow, additionalData } = setUp({
		parameters,
		credentials,
		nodeType,
		credentialType,
	});
	const context = new LoadOptionsContext(
		workflow,
		node,
		{ ...additionalData, currentNodeParameters: parameters },
		'',
	);
	return await nodeType.methods[kind][method].call(context, ...args);
}

/** Runs the credential's own test request the way n8n's credential tester does: as a declarative node. */
async function testCredential(
	credentials,
	credentialType = new (builtPackage().PostHogManagementApi)(),
) {
	const nodeType = {
		description: {
			displayName: 'Credential Test',
			name: 'credentialTest',
			group: ['input'],
			version: 1,
			defaults: {},
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: credentialType.name, required: true }],
			requestDefaults: { ...credentialType.test.request },
			properties: [],
		},
	};
	return await runNode({ parameters: {}, credentials, nodeType, credentialType });
}

module.exports = { runNode, callMethod, testCredential, setUp };
