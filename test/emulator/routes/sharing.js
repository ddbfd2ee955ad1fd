'use strict';
// Insight sharing: insights/{id}/sharing/ and its refresh/passwords actions.
// docs/posthog-api.md §3. Only the numeric insight id is accepted.
const errors = require('../errors');
const { json, noContent } = require('../respond');
const { pyInt, serializerData, viewData, charField } = require('../validate');
const { tokenUrlsafe } = require('../ids');
const { isoFromDate } = require('../time');
const { getInsightForSharing } = require('../models/insights');

const TOKEN_GRACE_PERIOD_MS = 5 * 60 * 1000;

const activeConfigs = (state, insight) =>
	state.sharing.filter(
		(c) =>
			c.project_id === insight.project_id && c.insight_id === insight.id && c.expires_at === null,
	);

/**
 * The stored configuration, or an unsaved default for a never-shared insight: that one
 * has a fresh random access_token on every GET until something persists it (§3.1).
 */
function configFor(ctx, insight) {
	const [active] = activeConfigs(ctx.state, insight);
	return (
		active || {
			project_id: insight.project_id,
			insight_id: insight.id,
			created_at: null,
			enabled: false,
			access_token: tokenUrlsafe(22),
			settings: null,
			password_required: false,
			expires_at: null,
			unsaved: true,
		}
	);
}

function persist(ctx, config) {
	if (!config.unsaved) return;
	delete config.unsaved;
	config.created_at = isoFromDate(ctx.now());
	ctx.state.sharing.push(config);
}

const serializePassword = (p) => ({
	id: p.id,
	created_at: p.created_at,
	note: p.note,
	created_by_email: p.created_by_email,
	is_active: p.is_active,
});

function serializeConfig(state, config) {
	const passwords = config.unsaved
		? []
		: state.sharePasswords
				.filter((p) => p.insight_id === config.insight_id && p.is_active)
				.map(serializePassword);
	return {
		created_at: config.created_at,
		enabled: config.enabled,
		access_token: config.access_token,
		settings: config.settings,
		password_required: config.password_required,
		share_passwords: passwords,
	};
}

/** `check_can_edit_sharing_configuration`: reads `request.data`, then needs editor access (§3). */
function requireEditAccess(ctx, insight) {
	viewData(ctx.body());
	if (!['editor', 'manager'].includes(insight.user_access_level)) {
		throw errors.permissionDenied("You don't have edit permissions for this insight.");
	}
}

function getSharing(ctx) {
	const insight = getInsightForSharing(ctx);
	return json(200, serializeConfig(ctx.state, configFor(ctx, insight)));
}

// §3.4: a new configuration with a new token; the old one expires after a grace period.
function refresh(ctx) {
	const insight = getInsightForSharing(ctx);
	const source = configFor(ctx, insight);
	requireEditAccess(ctx, insight);
	const now = ctx.now();
	for (const config of activeConfigs(ctx.state, insight)) {
		config.expires_at = isoFromDate(new Date(now.getTime() + TOKEN_GRACE_PERIOD_MS));
	}
	const fresh = {
		project_id: insight.project_id,
		insight_id: insight.id,
		created_at: isoFromDate(now),
		enabled: source.enabled,
		access_token: tokenUrlsafe(22),
		settings: source.settings,
		password_required: source.password_required,
		expires_at: null,
	};
	ctx.state.sharing.push(fresh);
	return json(200, serializeConfig(ctx.state, fresh));
}

// §3.2: the preconditions answer with `{"error": …}` bodies, not the standard shape.
function createPassword(ctx) {
	const insight = getInsightForSharing(ctx);
	const config = configFor(ctx, insight);
	requireEditAccess(ctx, insight);
	if (!config.password_required) {
		throw errors.rawError(400, 'Password protection must be enabled before creating passwords');
	}
	if (!ctx.state.advancedPermissions) {
		throw errors.rawError(403, 'Password management requires the Advanced Permissions feature');
	}
	persist(ctx, config);
	const data = serializerData(ctx.body());
	const rawPassword = charField(data, 'raw_password', { required: false, allowBlank: true });
	// SharePasswordCreateSerializer.validate_raw_password: a standard 400, attr raw_password
	if (rawPassword && rawPassword.length < 8) {
		throw errors.validation('raw_password', 'Password must be at least 8 characters long.');
	}
	const note = charField(data, 'note', { required: false, allowBlank: true, maxLength: 100 });
	const password = {
		id: ctx.state.nextIds.password++,
		insight_id: insight.id,
		created_at: isoFromDate(ctx.now()),
		note: note ?? '',
		created_by_email: ctx.state.user.email,
		is_active: true,
		password: rawPassword || tokenUrlsafe(16), // blank or omitted: token_urlsafe(16)
	};
	ctx.state.sharePasswords.push(password);
	const { id, note: savedNote, created_at, created_by_email } = password;
	// the plaintext password is returned only here
	return json(201, {
		id,
		password: password.password,
		note: savedNote,
		created_at,
		created_by_email,
	});
}

// §3.3: a soft delete (is_active=false).
function deletePassword(ctx) {
	const insight = getInsightForSharing(ctx);
	const config = configFor(ctx, insight);
	requireEditAccess(ctx, insight);
	if (!ctx.state.advancedPermissions) {
		throw errors.rawError(403, 'Password management requires the Advanced Permissions feature');
	}
	// a never-saved configuration has no password relation: Django raises ValueError (500)
	if (config.unsaved) throw errors.serverError();
	const passwordId = pyInt(ctx.params.passwordId);
	if (passwordId === null) throw errors.serverError();
	const password = ctx.state.sharePasswords.find(
		(p) => p.insight_id === insight.id && p.id === passwordId && p.is_active,
	);
	if (!password) throw errors.notFound('Password not found');
	password.is_active = false;
	return noContent();
}

const base = '/api/projects/:projectId/insights/:insightId/sharing';

module.exports = {
	routes: [
		{ method: 'GET', path: `${base}/`, scope: 'sharing_configuration:read', handler: getSharing },
		{
			method: 'POST',
			path: `${base}/refresh/`,
			scope: 'sharing_configuration:write',
			handler: refresh,
		},
		{
			method: 'POST',
			path: `${base}/passwords/`,
			scope: 'sharing_configuration:write',
			handler: createPassword,
		},
		{
			method: 'DELETE',
			path: `${base}/passwords/:passwordId/`,
			scope: 'sharing_configuration:write',
			handler: deletePassword,
		},
	],
};
