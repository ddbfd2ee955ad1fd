'use strict';
// The three ways of making the same requests that the benchmark compares:
//  (a) our node, through WorkflowExecute;
//  (b) n8n's HTTP Request node (V3, typeVersion 4.5), through the same engine, with OUR credential
//      in "predefined credential type" mode;
//  (c) a bare axios loop, one request after another.
// Each contender is `{ name, requests, run() }`; `run` resolves to the number of output items
// and throws on any error, so a failing contender can never produce a fast figure.
const http = require('node:http');
const axios = require('axios');
const { runWorkflowNode } = require('./engine');

const { nodePath, credentialPath, liftPacing } = require('./dist');
const { PostHogManagement } = require(nodePath);
const { PostHogManagementApi } = require(credentialPath);
const { HttpRequestV3 } = require('n8n-nodes-base/dist/nodes/HttpRequest/V3/HttpRequestV3.node.js');

liftPacing(); // the emulator has no throttle here; waiting at PostHog's 480 a minute would measure the clock

// The version a new HTTP Request node gets in n8n 2.40 (its `defaultVersion`), and the base
// description its versioned wrapper (HttpRequest.node.js) hands to V3.
const HTTP_REQUEST_VERSION = 4.5;
const HTTP_REQUEST_BASE = {
	displayName: 'HTTP Request',
	name: 'httpRequest',
	group: ['output'],
	description: 'Makes an HTTP request and returns the response data',
	defaultVersion: HTTP_REQUEST_VERSION,
};
const PROJECT = { __rl: true, mode: 'id', value: '1' };
const FIND_PATH = '/api/projects/1/groups/find/';
const UPDATE_PATH = '/api/projects/1/groups/update_property/';

/** The 3 properties `updateProperty` sets: text, a number and a JSON object (all converted by the node). */
const PROPERTIES = [
	{ key: 'stage', value: 'customer', json: 'customer' },
	{ key: 'employees', value: '130', json: 130 },
	{ key: 'flags', value: '{"beta":true}', json: { beta: true } },
];

const groupKey = (i) => `bench-${i}`;

function credentialsFor(emulator) {
	return { region: 'custom', host: emulator.url, apiKey: emulator.apiKey };
}

async function check(promise, name) {
	const { items, error } = await promise;
	if (error) throw new Error(`${name} failed: ${error.message} ${error.description ?? ''}`);
	return items.length;
}

function ourNode(emulator, { operation, items }) {
	const nodeType = new PostHogManagement();
	const credentialType = new PostHogManagementApi();
	const credentials = credentialsFor(emulator);
	const input = Array.from({ length: items }, (_, i) => ({ json: { key: groupKey(i) } }));
	const parameters = {
		resource: 'group',
		operation,
		projectId: PROJECT,
		groupTypeIndex: 0,
		groupKey: '={{ $json.key }}',
		...(operation === 'updateProperty'
			? { properties: { property: PROPERTIES.map(({ key, value }) => ({ key, value })) } }
			: {}),
	};
	return () =>
		check(
			runWorkflowNode({ nodeType, parameters, input, credentialType, credentials }),
			'our node',
		);
}

function httpRequestNode(emulator, { operation, items, staticKey }) {
	const nodeType = new HttpRequestV3(HTTP_REQUEST_BASE);
	const credentialType = new PostHogManagementApi();
	const credentials = credentialsFor(emulator);
	const common = {
		authentication: 'predefinedCredentialType',
		nodeCredentialType: 'postHogManagementApi',
		options: {},
	};
	let parameters;
	let input;
	if (operation === 'find') {
		input = Array.from({ length: items }, (_, i) => ({ json: { key: groupKey(i) } }));
		parameters = {
			...common,
			method: 'GET',
			url: `${emulator.url}${FIND_PATH}`,
			sendQuery: true,
			specifyQuery: 'keypair',
			queryParameters: {
				parameters: [
					{ name: 'group_type_index', value: '0' },
					{ name: 'group_key', value: staticKey ?? '={{ $json.key }}' },
					{ name: 'skip_create_notebook', value: 'true' },
				],
			},
		};
	} else {
		// One input item per request: the HTTP Request node makes one request per item.
		input = [];
		for (let i = 0; i < items; i++) {
			for (const { key, json } of PROPERTIES)
				input.push({ json: { key: groupKey(i), property: key, value: json } });
		}
		parameters = {
			...common,
			method: 'POST',
			url: `${emulator.url}${UPDATE_PATH}`,
			sendQuery: true,
			specifyQuery: 'keypair',
			queryParameters: {
				parameters: [
					{ name: 'group_type_index', value: '0' },
					{ name: 'group_key', value: '={{ $json.key }}' },
				],
			},
			sendBody: true,
			contentType: 'json',
			specifyBody: 'json',
			jsonBody: '={{ JSON.stringify({ key: $json.property, value: $json.value }) }}',
		};
	}
	return () =>
		check(
			runWorkflowNode({
				nodeType,
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: HTTP_REQUEST_VERSION,
				parameters,
				input,
				credentialType,
				credentials,
			}),
			'HTTP Request node',
		);
}

/**
 * A bare axios loop. `keepAlive: true` is Node's default global agent (a pooled connection);
 * `keepAlive: false` opens a new connection per request, as n8n-core does (one new http.Agent
 * per request, @n8n/backend-network buildNodeAgents).
 */
function axiosLoop(emulator, { operation, items, keepAlive = true }) {
	const client = axios.create({
		baseURL: emulator.url,
		headers: { Authorization: `Bearer ${emulator.apiKey}` },
		httpAgent: keepAlive ? undefined : new http.Agent({ keepAlive: false }),
	});
	return async () => {
		let outputs = 0;
		for (let i = 0; i < items; i++) {
			const params = { group_type_index: 0, group_key: groupKey(i) };
			if (operation === 'find') {
				const { data } = await client.get(FIND_PATH, {
					params: { ...params, skip_create_notebook: true },
				});
				if (data.group_key !== params.group_key) throw new Error('axios loop: wrong group');
			} else {
				let data;
				for (const { key, json } of PROPERTIES)
					({ data } = await client.post(UPDATE_PATH, { key, value: json }, { params }));
				if (data.group_key !== params.group_key) throw new Error('axios loop: wrong group');
			}
			outputs++;
		}
		return outputs;
	};
}

/** Context only: axios with every item's requests started at once, as n8n's engine starts them. */
function axiosAllAtOnce(emulator, { operation, items }) {
	const client = axios.create({
		baseURL: emulator.url,
		headers: { Authorization: `Bearer ${emulator.apiKey}` },
	});
	return async () => {
		const one = async (i) => {
			const params = { group_type_index: 0, group_key: groupKey(i) };
			if (operation === 'find') {
				return (await client.get(FIND_PATH, { params: { ...params, skip_create_notebook: true } }))
					.data;
			}
			let data;
			for (const { key, json } of PROPERTIES)
				({ data } = await client.post(UPDATE_PATH, { key, value: json }, { params }));
			return data;
		};
		const results = await Promise.all(Array.from({ length: items }, (_, i) => one(i)));
		return results.length;
	};
}

module.exports = {
	ourNode,
	axiosAllAtOnce,
	httpRequestNode,
	axiosLoop,
	credentialsFor,
	groupKey,
	PROPERTIES,
	PostHogManagement,
	PostHogManagementApi,
};
