'use strict';
// An endpoint of the `npm run dev` sandbox that plays PostHog's CDP: `POST /_sandbox/events` with
// `{ event, distinct_id, properties }` ingests the event and delivers it to every enabled
// destination that filters for it (test/emulator/deliver.js), e.g. the one a published workflow's
// PostHog Trigger created. Answers `{ deliveries: [{ id, name, url, statuses }] }`.
// `POST /_sandbox/signals` with `{ signal, properties }` does the same for one of PostHog's own
// signals (test/emulator/signals.js: a new error-tracking issue, a firing alert, a flag turned
// off), delivered to the internal destinations that filter for it.
// Used by `npm run dev:send-event` (sendEvent.js) and `npm run dev:send-signal` (sendSignal.js).
const { signal, SIGNALS } = require('../../test/emulator/signals');

const PATH = '/_sandbox/events';
const SIGNALS_PATH = '/_sandbox/signals';

async function deliver(sandbox, body) {
	if (!body || typeof body.event !== 'string' || !body.event) {
		return {
			status: 400,
			body: { detail: 'Send {"event": "<name>", "distinct_id": "…", "properties": {…}}' },
		};
	}
	const deliveries = await sandbox.deliverEvent({
		event: body.event,
		distinct_id: body.distinct_id || 'maria@acme.com',
		properties: body.properties || {},
	});
	return { status: 200, body: { deliveries } };
}

async function deliverSignal(sandbox, body) {
	if (!body || !(body.signal in SIGNALS)) {
		return {
			status: 400,
			body: {
				detail: `Send {"signal": one of ${Object.keys(SIGNALS).join(', ')}, "properties": {…}}`,
			},
		};
	}
	const event = signal(sandbox.state, body.signal, body.properties || {});
	return { status: 200, body: { event, deliveries: await sandbox.deliverInternalEvent(event) } };
}

/** Adds the endpoints to `sandbox`, also after `sandbox.reset()`. */
function serveSandboxEvents(sandbox) {
	const install = () => {
		const previous = sandbox.override;
		sandbox.override = (req, record) =>
			req.method === 'POST' && record.path === PATH
				? deliver(sandbox, record.body)
				: req.method === 'POST' && record.path === SIGNALS_PATH
					? deliverSignal(sandbox, record.body)
					: previous
						? previous(req, record)
						: undefined;
	};
	install();
	const reset = sandbox.reset;
	sandbox.reset = () => {
		reset();
		install();
	};
	return sandbox;
}

module.exports = {
	serveSandboxEvents,
	SANDBOX_EVENTS_PATH: PATH,
	SANDBOX_SIGNALS_PATH: SIGNALS_PATH,
};
