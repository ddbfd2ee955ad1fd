'use strict';
/**
 * An in-memory emulator of PostHog's private REST API, for tests. It answers the
 * endpoints the node uses the way PostHog really does (docs/posthog-api.md,
 * docs/posthog-api-part2.md), including its surprising status codes and bodies.
 *
 *   const { startEmulator } = require('./emulator');
 *   const emu = await startEmulator({ apiKey: 'phx_test_key' });
 *   emu.url, emu.apiKey, emu.requests, emu.state, emu.reset(), emu.override, await emu.close()
 *   Each recorded request also gets the `status` it was answered with ('dropped' for a cut connection).
 *   await emu.deliverEvent(event) sends an event to the enabled hog-function destinations (deliver.js);
 *   await emu.deliverInternalEvent(signal) one of PostHog's own signals to its internal destinations.
 *
 * Built on Node built-ins only. This file runs the server and routes requests; each
 * endpoint lives in routes/, its data rules in models/, the default data in seed.js.
 */
const http = require('http');
const errors = require('./errors');
const auth = require('./auth');
const { compileRoutes, matchRoutes } = require('./router');
const { resolveProject } = require('./models/projects');
const { SEED, createState, resetState, seedGroups } = require('./state');
const { deliverEvent, deliverInternalEvent } = require('./deliver');

const ROUTES = compileRoutes(
	[
		require('./routes/users'),
		require('./routes/projects'),
		require('./routes/propertyDefinitions'),
		require('./routes/insights'),
		require('./routes/sharing'),
		require('./routes/fileSystem'),
		require('./routes/fileSystemLogViews'),
		require('./routes/fileSystemObjects'),
		require('./routes/groups'),
		require('./routes/groupActivity'),
		require('./routes/groupProperties'),
		require('./routes/groupRelated'),
		require('./routes/query'),
		require('./routes/hogFunctions'),
		require('./routes/persons'),
		require('./routes/featureFlags'),
		require('./routes/annotations'),
		require('./routes/eventDefinitions'),
		require('./routes/actions'),
		require('./routes/cohorts'),
		require('./routes/surveys'),
		require('./routes/errorTracking'),
		require('./routes/dashboards'),
		require('./routes/alerts'),
	].flatMap((module) => module.routes),
);

function readBody(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

function parseJsonOrUndefined(text) {
	if (text.trim() === '') return undefined;
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

/** `request.data`, parsed only when a handler reads it (as DRF does): bad JSON is a 400 then. */
function lazyBody(rawBody) {
	let parsed;
	let done = false;
	return () => {
		if (!done) {
			if (rawBody.trim() === '') parsed = {};
			else {
				try {
					parsed = JSON.parse(rawBody);
				} catch (err) {
					throw errors.parseError(err.message);
				}
			}
			done = true;
		}
		return parsed;
	};
}

function safeDecode(path) {
	try {
		return decodeURIComponent(path);
	} catch {
		return path;
	}
}

/** Unknown path → 404; then auth (401), method (405), scope (403), project (404), handler. */
async function dispatch(emu, req, url, query, rawBody) {
	const matches = matchRoutes(ROUTES, safeDecode(url.pathname), emu.state);
	if (!matches.length) throw errors.notFound();
	const authInfo = auth.authenticate(req, emu.state);
	const hit = matches.find((m) => m.route.method === req.method);
	if (!hit) throw errors.methodNotAllowed(req.method);
	auth.requireScope(authInfo, hit.route.scope);
	const ctx = {
		emu,
		state: emu.state,
		req,
		auth: authInfo,
		params: hit.params,
		query,
		path: url.pathname,
		search: url.search,
		now: () => emu.now(),
		body: lazyBody(rawBody),
	};
	if (hit.params.projectId !== undefined) {
		ctx.project = resolveProject(emu.state, hit.params.projectId);
		auth.requireProjectAccess(authInfo, ctx.project.id);
	}
	return hit.route.handler(ctx);
}

function send(res, result) {
	const status = result.status;
	const headers = {};
	for (const [name, value] of Object.entries(result.headers || {}))
		headers[name.toLowerCase()] = value;
	let payload = '';
	if (status !== 204 && status !== 304 && result.body !== undefined && result.body !== null) {
		if (typeof result.body === 'string' || Buffer.isBuffer(result.body)) {
			payload = result.body;
			headers['content-type'] ??= 'text/plain; charset=utf-8';
		} else {
			payload = JSON.stringify(result.body);
			headers['content-type'] ??= 'application/json';
		}
	}
	if (payload.length) headers['content-length'] = Buffer.byteLength(payload);
	res.writeHead(status, headers);
	res.end(payload.length ? payload : undefined);
}

async function handle(emu, req, res) {
	const rawBody = await readBody(req);
	const url = new URL(req.url, 'http://emulator.invalid');
	const query = Object.fromEntries(url.searchParams); // a repeated key keeps its last value
	const record = {
		method: req.method,
		path: url.pathname,
		query,
		body: parseJsonOrUndefined(rawBody),
		rawBody,
		headers: req.headers,
		receivedAt: Date.now(),
	};
	emu.requests.push(record);
	const routed = () => dispatch(emu, req, url, { ...query }, rawBody);
	let result;
	try {
		result = (emu.override && (await emu.override(req, record, routed))) || (await routed());
	} catch (err) {
		if (!(err instanceof errors.ApiError)) {
			console.error('[posthog-emulator] unexpected error, answering 500:', err);
		}
		result = err instanceof errors.ApiError ? err : errors.serverError();
	}
	if (result.drop) {
		// A fault: the connection is cut without an answer (see faults.js).
		record.status = 'dropped';
		req.socket.destroy();
		return;
	}
	record.status = result.status;
	send(res, result);
}

/**
 * Starts an emulator on 127.0.0.1 (random port unless `port` is given).
 * @param {{ apiKey?: string, port?: number }} [options]
 */
async function startEmulator({ apiKey = 'phx_test_key', port = 0 } = {}) {
	const emu = {
		url: '',
		apiKey,
		requests: [],
		state: createState(apiKey),
		/**
		 * (req, record, routed) => undefined | { status, body?, headers? }; may be async.
		 * `routed()` is the emulator's own answer, for an override that edits it (a proxy).
		 */
		override: null,
		/** The clock used for everything the API creates; tests may replace it. */
		now: () => new Date(),
		/** Clears `requests` and `override`, and re-seeds `state` in place. */
		reset() {
			emu.requests.length = 0;
			emu.override = null;
			resetState(emu.state, apiKey);
		},
		/** Sends an event to every matching enabled destination, as PostHog's CDP would (deliver.js). */
		deliverEvent: (event, options) => deliverEvent(emu, event, options),
		/** Sends one of PostHog's own signals to the matching internal destinations (deliver.js). */
		deliverInternalEvent: (signal) => deliverInternalEvent(emu, signal),
		close: () =>
			new Promise((resolve, reject) => {
				server.close((err) => (err ? reject(err) : resolve()));
				server.closeAllConnections();
			}),
	};
	const server = http.createServer((req, res) => {
		handle(emu, req, res).catch((err) => {
			console.error('[posthog-emulator] failed to answer:', err);
			if (!res.headersSent) res.writeHead(500);
			res.end();
		});
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', resolve);
	});
	emu.url = `http://127.0.0.1:${server.address().port}`;
	return emu;
}

module.exports = { startEmulator, seedGroups, SEED, hasScope: auth.hasScope };
