'use strict';
// Every error body the emulator can send, one builder per PostHog error shape.
// docs/posthog-api.md §0 "Error body: drf-exceptions-hog".

class ApiError extends Error {
	constructor(status, body, headers) {
		super(body && typeof body === 'object' && body.detail ? String(body.detail) : `HTTP ${status}`);
		this.status = status;
		this.body = body;
		this.headers = headers;
	}
}

/** The standard drf-exceptions-hog body: `{type, code, detail, attr}`. */
function standard(status, type, code, detail, attr = null) {
	return new ApiError(status, { type, code, detail, attr });
}

/** 400 validation error; drf-exceptions-hog rewrites code `invalid` to `invalid_input` (§0). */
function validation(attr, detail, code = 'invalid') {
	return standard(
		400,
		'validation_error',
		code === 'invalid' ? 'invalid_input' : code,
		detail,
		attr,
	);
}

/** A serializer field that was not sent: code stays `required` (§0). */
const required = (attr) => validation(attr, 'This field is required.', 'required');

/** PostHog's hand-written `ValidationError({param: ["This query parameter is required."]})`. */
const queryParamRequired = (attr) => validation(attr, 'This query parameter is required.');

const notFound = (detail = 'Not found.') => standard(404, 'invalid_request', 'not_found', detail);

const notAuthenticated = () =>
	standard(
		401,
		'authentication_error',
		'not_authenticated',
		'Authentication credentials were not provided.',
	);

const authenticationFailed = () =>
	standard(
		401,
		'authentication_error',
		'authentication_failed',
		'Personal API key found in request Authorization header is invalid.',
	);

const permissionDenied = (detail = 'You do not have permission to perform this action.') =>
	standard(403, 'authentication_error', 'permission_denied', detail);

const methodNotAllowed = (method, detail = `Method "${method}" not allowed.`) =>
	standard(405, 'invalid_request', 'method_not_allowed', detail);

/** `ForbidDestroyModel.destroy`: `Response(status=405)`, so no body at all (docs/posthog-api-part2.md §4, §9). */
const forbidDestroy = () => new ApiError(405, undefined);

/** posthog.exceptions.Conflict (409), e.g. a feature flag edited from a stale `version` (part2 §4). */
const conflict = (detail) => standard(409, 'invalid_request', 'conflict', detail);

/**
 * Persons' hand-written "required" body (part2 §3): `code` and `detail` swapped, and
 * returned directly, so drf-exceptions-hog never fixes it.
 */
const swappedRequired = (attr) =>
	new ApiError(400, {
		attr,
		code: 'This field is required.',
		detail: 'required',
		type: 'validation_error',
	});

/** persons/delete_property/ when the `$unset` capture fails (part2 §3). */
const personCaptureFailed = (status) =>
	new ApiError(status, { success: false, detail: 'Unable to delete property' });

/** A failed `$groupidentify` capture: no `attr`, `code` and `detail` swapped (§0, §2.2). */
const groupCaptureFailed = (status, message) =>
	new ApiError(status, { code: message, detail: 'capture_http_error', type: 'capture_http_error' });

const parseError = (message) =>
	standard(400, 'invalid_request', 'parse_error', `JSON parse error - ${message}`);

/** What an unhandled Python exception (ValueError, KeyError…) becomes: a JSON 500, never HTML. */
const serverError = () => standard(500, 'server_error', 'error', 'A server error occurred.');

/** Handlers that `return Response({"detail": …})` and bypass the handler: no type/code/attr (§0). */
const rawDetail = (status, detail) => new ApiError(status, { detail });

/** Sharing handlers that `return Response({"error": …})` (§0, §3). */
const rawError = (status, error) => new ApiError(status, { error });

/**
 * Not PostHog: something real PostHog would answer that this emulator does not model (a
 * HogQL query outside its table, a query kind it cannot run). A 501 so no test mistakes it
 * for a PostHog answer.
 */
const emulatorUnsupported = (what) =>
	standard(
		501,
		'server_error',
		'emulator_unsupported',
		`The PostHog emulator does not support ${what}; see test/emulator/README.md.`,
	);

module.exports = {
	ApiError,
	standard,
	validation,
	required,
	queryParamRequired,
	notFound,
	notAuthenticated,
	authenticationFailed,
	permissionDenied,
	methodNotAllowed,
	forbidDestroy,
	conflict,
	swappedRequired,
	personCaptureFailed,
	groupCaptureFailed,
	parseError,
	serverError,
	rawDetail,
	rawError,
	emulatorUnsupported,
};
