'use strict';
// Runs one node — ours or n8n's HTTP Request node — through n8n-core's real WorkflowExecute, as
// test/helpers/runNode.js does, with a credentials helper that serves both node types: the
// declarative node (httpRequestWithAuthentication) and the HTTP Request node in "predefined
// credential type" mode (requestWithAuthentication). Both get OUR credential, and the helper
// applies its `authenticate` function exactly as n8n's CredentialsHelper does for a function.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

// n8n-core writes a key into $N8N_USER_FOLDER when loaded (test/helpers/setupEnv.js does the same).
process.env.N8N_LOG_LEVEL ??= 'silent';
if (!process.env.N8N_USER_FOLDER) {
	process.env.N8N_USER_FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-posthog-bench-'));
}

const { ICredentialsHelper, Workflow } = require('n8n-workflow');
const { ExecutionLifecycleHooks, WorkflowExecute } = require('n8n-core');

class BenchCredentialsHelper extends ICredentialsHelper {
	/** @param credentialTypes {Record<string, object>} name → ICredentialType instance */
	constructor(credentialTypes, data) {
		super();
		this.credentialTypes = credentialTypes;
		this.data = data;
	}
	getParentTypes() {
		return [];
	}
	isCredentialUsableByNode() {
		return true;
	}
	getCredentialsProperties(type) {
		return this.credentialTypes[type].properties;
	}
	async getDecrypted(_additionalData, _nodeCredentials, type) {
		if (!this.data[type]) throw new Error(`bench: no credentials of type ${type}`);
		return { ...this.data[type] };
	}
	async preAuthentication() {}
	async runPreAuthentication() {}
	async getCredentials() {}
	async updateCredentials() {}
	async updateCredentialsOauthTokenData() {}
	async authenticate(credentials, type, requestOptions) {
		const { authenticate } = this.credentialTypes[type];
		if (typeof authenticate !== 'function') throw new Error(`bench: ${type} has no authenticate function`);
		return await authenticate(credentials, requestOptions);
	}
}

let executions = 0;

/**
 * Runs `nodeType` (as node type `type`, version `typeVersion`) once over `input` with `parameters`.
 * Resolves to { items, error }.
 */
async function runWorkflowNode({ nodeType, type, typeVersion = 1, parameters, input, credentialType, credentials }) {
	const executionId = `bench-${++executions}`;
	const node = {
		id: 'node-under-test',
		name: 'Node Under Test',
		// n8n-core lets only `n8n-nodes-base.httpRequest` (and a few others) use any credential type.
		type: type ?? `n8n-nodes-posthog.${nodeType.description.name}`,
		typeVersion,
		position: [0, 0],
		parameters,
		credentials: { [credentialType.name]: { id: '1', name: 'PostHog' } },
	};
	const nodeTypes = { getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) };
	const workflow = new Workflow({
		id: 'bench-workflow',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
		settings: {},
	});
	const hooks = new ExecutionLifecycleHooks('manual', executionId, { id: 'bench-workflow', nodes: [node], connections: {} });
	let finish;
	const finished = new Promise((resolve) => (finish = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => finish(run));
	const additionalData = {
		hooks,
		executionId,
		restApiUrl: '',
		webhookBaseUrl: '',
		webhookWaitingBaseUrl: '',
		webhookTestBaseUrl: '',
		variables: {},
		currentNodeParameters: undefined,
		credentialsHelper: new BenchCredentialsHelper({ [credentialType.name]: credentialType }, { [credentialType.name]: credentials }),
	};
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
	await new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(workflow);
	const run = await finished;
	const task = run.data.resultData.runData[node.name]?.[0];
	if (!task) return { items: [], error: run.data.resultData.error ?? new Error('bench: the node did not run') };
	if (task.error) return { items: [], error: task.error };
	return { items: task.data.main[0], error: undefined };
}

module.exports = { runWorkflowNode, BenchCredentialsHelper };
