// Shared by the fileSystem tests: plain views of what PostHog received and of how the node
// failed, so a failing toEqual prints the whole request (or error) in its diff.

/** One request as PostHog received it: method, path, query, parsed body, raw body, auth header. */
function received(request) {
	if (!request) return request;
	return {
		method: request.method,
		path: request.path,
		query: request.query,
		body: request.body,
		rawBody: request.rawBody,
		authorization: request.headers.authorization,
	};
}

/** Every request of the test, in arrival order. */
function receivedAll(posthog) {
	return posthog.requests().map(received);
}

/** What a request with a JSON body is expected to look like (rawBody: any text). */
function withBody(posthog, method, path, body, query = {}) {
	return {
		method,
		path,
		query,
		body,
		rawBody: expect.any(String),
		authorization: `Bearer ${posthog.emulator.apiKey}`,
	};
}

/** What a request without a body is expected to look like (body undefined, rawBody ''). */
function withoutBody(posthog, method, path, query = {}, apiKey = posthog.emulator.apiKey) {
	return { method, path, query, body: undefined, rawBody: '', authorization: `Bearer ${apiKey}` };
}

/** The parts of a node error a user sees. */
function failure(error) {
	if (!error) return error;
	return { message: error.message, httpCode: error.httpCode, description: error.description };
}

/** The project-1 file-system row at `path` (or undefined). */
function entryAt(posthog, path, { shortcut } = {}) {
	return posthog.emulator.state.fileSystem.find(
		(row) => row.project_id === 1 && row.path === path && (shortcut === undefined || row.shortcut === shortcut),
	);
}

/**
 * The error of a run that n8n itself refuses to start (e.g. a required parameter left empty),
 * whether the test helper returns it as `error` or lets it throw.
 */
async function runError(running) {
	try {
		const { error } = await running;
		return error;
	} catch (error) {
		return error;
	}
}

module.exports = { received, receivedAll, withBody, withoutBody, failure, entryAt, runError };
