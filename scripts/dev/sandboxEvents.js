'use strict';
// An endpoint of the `npm run dev` sandbox that plays PostHog's CDP: `POST /_sandbox/events` with
// `{ event, distinct_id, properties }` ingests the event and delivers it to every enabled
// destination that filters for it (test/emulator/deliver.js), e.g. the one a published workflow's
// PostHog Trigger created. Answers `{ deliveries: [{ id, name, url, statuses }] }`.
// Used by `npm run dev:send-event` (sendEvent.js).

const PATH = '/_sandbox/events';

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

/** Adds the endpoint to `sandbox`, also after `sandbox.reset()`. */
function serveSandboxEvents(sandbox) {
	const install = () => {
		const previous = sandbox.override;
		sandbox.override = (req, record) =>
			req.method === 'POST' && record.path === PATH
				? deliver(sandbox, record.body)
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

module.exports = { serveSandboxEvents, SANDBOX_EVENTS_PATH: PATH };
