'use strict';
/**
 * PostHog's own signals as its producers write them (docs/posthog-api-part3.md §7, §9.3), built from the
 * emulator's data, for emu.deliverInternalEvent: the sandbox's `npm run dev:send-signal`, the
 * end-to-end tests.
 *
 *   const { signal, SIGNALS } = require('./signals');
 *   await emu.deliverInternalEvent(signal(emu.state, 'issue-created'));
 *
 * `overrides` are merged into the properties (`{ name: 'RangeError' }`).
 */

const issueSignal = (event) => (state, overrides) => {
	const issue = state.errorTrackingIssues.find((i) => i.status === 'active');
	return {
		event,
		distinct_id: issue.id,
		properties: {
			name: issue.name,
			description: issue.description,
			status: issue.status,
			fingerprint: issue.fingerprint,
			exception_timestamp: new Date().toISOString(),
			...(event === '$error_tracking_issue_spiking'
				? { computed_baseline: 2, current_bucket_value: 40 }
				: {
						exception_props: {
							$exception_issue_id: issue.id,
							$exception_fingerprint: issue.fingerprint,
							$exception_types: [issue.name],
							$exception_values: [issue.description],
							$lib: 'web',
						},
					}),
			...overrides,
		},
	};
};

function alertFiring(state, overrides) {
	const alert = state.alerts.find((a) => a.state === 'Firing') ?? state.alerts[0];
	const insight = state.insights.find((i) => i.id === alert.insight);
	return {
		event: '$insight_alert_firing',
		distinct_id: `team_${alert.project_id}`,
		properties: {
			alert_id: alert.id,
			alert_name: alert.name,
			insight_name: insight.name || insight.derived_name,
			insight_id: insight.short_id,
			state: 'Firing',
			last_checked_at: new Date().toISOString(),
			breaches: 'The insight value (1200) for current interval is more than upper threshold (1000)',
			...overrides,
		},
	};
}

/** A teammate (the key's user) turning the first active flag off. */
function flagChanged(state, overrides) {
	const flag = state.featureFlags.find(
		(f) => f.project_id === 1 && f.active && !f.deleted && !f.internal,
	);
	const { id, uuid, distinct_id, first_name, last_name, email } = state.user;
	const user = { id, uuid, distinct_id, first_name, last_name, email };
	return {
		event: '$activity_log_entry_created',
		distinct_id,
		person: { id, properties: user, name: `${first_name} ${last_name}`, url: '' },
		properties: {
			id: `0195d000-0000-7000-8000-${String(Date.now()).padStart(12, '0').slice(-12)}`,
			user,
			activity: 'updated',
			scope: 'FeatureFlag',
			item_id: String(flag.id),
			detail: {
				name: flag.key,
				short_id: null,
				type: null,
				changes: [
					{ type: 'FeatureFlag', action: 'changed', field: 'active', before: true, after: false },
				],
			},
			created_at: new Date().toISOString(),
			...overrides,
		},
	};
}

const SIGNALS = {
	'issue-created': issueSignal('$error_tracking_issue_created'),
	'issue-reopened': issueSignal('$error_tracking_issue_reopened'),
	'issue-spiking': issueSignal('$error_tracking_issue_spiking'),
	'alert-firing': alertFiring,
	'flag-changed': flagChanged,
};

function signal(state, name, overrides = {}) {
	const build = SIGNALS[name];
	if (!build) throw new Error(`No signal "${name}": one of ${Object.keys(SIGNALS).join(', ')}`);
	return build(state, overrides);
}

module.exports = { signal, SIGNALS };
