'use strict';
// Runs one node — ours or n8n's HTTP Request node — through n8n-core's real WorkflowExecute with
// the tests' harness (test/helpers/runNode.js). Its credentials helper applies OUR credential's
// `authenticate` function as n8n's CredentialsHelper does, which serves both the declarative
// node (httpRequestWithAuthentication) and the HTTP Request node in "predefined credential type"
// mode (requestWithAuthentication).
require('../test/helpers/setupEnv'); // before n8n-core loads: a throw-away user folder, a silent logger
const { runNode } = require('../test/helpers/runNode');

/**
 * Runs `nodeType` (as node type `type`, version `typeVersion`) once over `input` with `parameters`.
 * Resolves to { items, error }.
 */
async function runWorkflowNode({
	nodeType,
	type,
	typeVersion = 1,
	parameters,
	input,
	credentialType,
	credentials,
}) {
	const { items, error } = await runNode({
		nodeType,
		type,
		typeVersion,
		parameters,
		input,
		credentialType,
		credentials,
	});
	return { items, error };
}

module.exports = { runWorkflowNode };
