'use strict';
/**
 * What PostHog's CDP does with an ingested event (docs/posthog-api-part2.md §10.5, §10.6): every
 * enabled, non-deleted destination of the project whose filters match gets the event, with
 * its `url`, `method`, `headers` and `body` inputs resolved against the globals
 * {event, person, groups, project, source, inputs}.
 *
 *   const results = await emu.deliverEvent({ event: 'signed_up', distinct_id: 'maria@acme.com' });
 *   // or emu.deliverEvent(SEED.eventIds.mariaSignedUp) for a stored event
 *   results → [{ id, name, url, statuses: [200] }]: one entry per destination, one status per attempt
 *
 * Retries like the CDP: 3 attempts in all, only on 408/429/500/502/503/504 or a network error
 * (status null), no redirects, 10 s timeout. Unlike the CDP it does not wait between attempts.
 * A new event (not a stored uuid) is stored first, as ingestion would.
 */
const { createHmac, randomBytes } = require('node:crypto');
const { addEvent, personForEvent } = require('./models/events');
const { uuid7 } = require('./ids');

const RETRIED = new Set([408, 429, 500, 502, 503, 504]);
const ATTEMPTS = 3;
const TIMEOUT_MS = 10000;
const DISPLAY_NAME_PROPERTIES = ['email', 'name', 'username'];

function storedOrNew(emu, event, projectId) {
	if (typeof event === 'string') {
		const row = emu.state.events.find((e) => e.uuid === event);
		if (!row) throw new Error(`deliverEvent: no stored event ${event}`);
		return row;
	}
	const existing = event.uuid && emu.state.events.find((e) => e.uuid === event.uuid);
	if (existing) return existing;
	return addEvent(emu.state, {
		projectId: event.project_id ?? projectId,
		event: event.event,
		distinctId: event.distinct_id,
		properties: event.properties,
		timestamp: event.timestamp,
		uuid: event.uuid,
		now: emu.now(),
	});
}

const msIso = (iso) => new Date(iso).toISOString(); // the CDP's timestamps carry milliseconds

/** `convertToHogFunctionInvocationGlobals`, minus `source` and `inputs` (per function). */
function globalsFor(emu, row) {
	const site = emu.url;
	const project = emu.state.projects.find((p) => p.id === row.project_id);
	const projectUrl = `${site}/project/${row.project_id}`;
	const timestamp = msIso(row.timestamp);
	const person = personForEvent(emu.state, row);
	const groups = {};
	for (const [typeName, key] of Object.entries(row.properties.$groups || {})) {
		const type = emu.state.groupTypes.find(
			(t) => t.project_id === row.project_id && t.group_type === typeName,
		);
		if (!type) continue;
		const group = emu.state.groups.find(
			(g) =>
				g.project_id === row.project_id &&
				g.group_type_index === type.group_type_index &&
				g.group_key === key,
		);
		groups[typeName] = {
			id: key,
			index: type.group_type_index,
			type: typeName,
			url: `${projectUrl}/groups/${type.group_type_index}/${encodeURIComponent(key)}`,
			properties: group ? group.group_properties : {},
		};
	}
	return {
		event: {
			uuid: row.uuid,
			event: row.event,
			elements_chain: row.elements_chain || '',
			distinct_id: row.distinct_id,
			properties: row.properties,
			timestamp,
			captured_at: msIso(row.captured_at || row.timestamp),
			url: `${projectUrl}/events/${encodeURIComponent(row.uuid)}/${encodeURIComponent(timestamp)}`,
		},
		// undefined without a person, so "{person}" renders null
		person: person && {
			id: person.uuid,
			properties: row.person_properties || person.properties,
			name:
				DISPLAY_NAME_PROPERTIES.map((k) => person.properties[k]).find(Boolean) || row.distinct_id,
			url: `${projectUrl}/person/${encodeURIComponent(row.distinct_id)}`,
		},
		groups,
		project: { id: row.project_id, name: project ? project.name : '', url: projectUrl },
	};
}

const lookup = (globals, path) =>
	path
		.split('.')
		.reduce(
			(value, key) => (value === null || value === undefined ? undefined : value[key]),
			globals,
		);

/** Hog templates: a value that is exactly "{path}" is the value itself; mixed text interpolates. */
function resolve(value, globals) {
	if (typeof value === 'string') {
		const whole = /^\{\s*([\w$.]+)\s*\}$/.exec(value);
		if (whole) return lookup(globals, whole[1]) ?? null;
		return value.replace(/\{\s*([\w$.]+)\s*\}/g, (_, path) => {
			const found = lookup(globals, path);
			return found === undefined || found === null
				? ''
				: typeof found === 'object'
					? JSON.stringify(found)
					: String(found);
		});
	}
	if (Array.isArray(value)) return value.map((v) => resolve(v, globals));
	if (value && typeof value === 'object')
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, globals)]));
	return value;
}

function propertyMatches(filter, row, person) {
	const source = filter.type === 'person' ? person?.properties || {} : row.properties;
	const actual = source[filter.key];
	const wanted = Array.isArray(filter.value) ? filter.value.map(String) : [String(filter.value)];
	switch (filter.operator || 'exact') {
		case 'exact':
			return actual !== undefined && wanted.includes(String(actual));
		case 'is_not':
			return actual === undefined || !wanted.includes(String(actual));
		case 'is_set':
			return actual !== undefined && actual !== null;
		case 'is_not_set':
			return actual === undefined || actual === null;
		case 'icontains':
			return (
				actual !== undefined &&
				String(actual).toLowerCase().includes(String(filter.value).toLowerCase())
			);
		default:
			throw new Error(
				`deliverEvent: the emulator does not evaluate property operator ${filter.operator}`,
			);
	}
}

const allMatch = (properties, row, person) =>
	(properties || []).every((p) => propertyMatches(p, row, person));

/** An action step: its event and property filters (selectors, texts and URLs are not evaluated). */
function stepMatches(step, row, person) {
	if (['selector', 'tag_name', 'text', 'href', 'url'].some((key) => step[key]))
		throw new Error('deliverEvent: the emulator evaluates only the event and properties of steps');
	return (
		(step.event === null || step.event === undefined || step.event === row.event) &&
		allMatch(step.properties, row, person)
	);
}

/**
 * `filters`: event entries (each with its own properties, as the UI's sub-templates write them)
 * and actions (any step matching) ORed, the global properties ANDed (part2 §10.3, part 3 §9.2).
 */
function filtersMatch(state, filters, row, person) {
	const events = filters.events || [];
	const actions = (filters.actions || []).map((a) =>
		state.actions.find(
			(action) => String(action.id) === String(a.id) && action.project_id === row.project_id,
		),
	);
	const eventOk = events.some(
		(e) =>
			(e.id === null || e.id === undefined || e.id === row.event) &&
			allMatch(e.properties, row, person),
	);
	const actionOk = actions.some(
		(action) => action && action.steps.some((step) => stepMatches(step, row, person)),
	);
	const selected = (!events.length && !actions.length) || eventOk || actionOk;
	return selected && allMatch(filters.properties, row, person);
}

const SIGNING_FAILED =
	'Standard Webhooks signing failed: invalid signing secret. Refusing to send an unsigned request.';

/** `resolveStandardWebhooksKey`: optional `whsec_`, standard base64, at least 24 bytes. */
function standardWebhooksKey(secret) {
	if (typeof secret !== 'string') return undefined;
	const text = secret.replace(/^whsec_/, '');
	if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return undefined;
	const key = Buffer.from(text, 'base64');
	return key.length >= 24 ? key : undefined;
}

/** `signStandardWebhooksRequest`: a fresh timestamp on every attempt, the same id. */
function signedHeaders(key, webhookId, now, body) {
	const timestamp = String(Math.floor(now.getTime() / 1000));
	const signature = createHmac('sha256', key)
		.update(`${webhookId}.${timestamp}.${body}`)
		.digest('base64');
	return {
		'webhook-id': webhookId,
		'webhook-timestamp': timestamp,
		'webhook-signature': `v1,${signature}`,
	};
}

/** One attempt: the status, or null for a network error or timeout. */
async function attempt(url, method, headers, body) {
	try {
		const res = await fetch(url, {
			method,
			headers,
			body,
			redirect: 'manual',
			signal: AbortSignal.timeout(TIMEOUT_MS),
		});
		await res.arrayBuffer();
		return res.status;
	} catch {
		return null;
	}
}

async function deliverTo(emu, fn, baseGlobals) {
	const globals = {
		...baseGlobals,
		source: {
			name: fn.name,
			url: `${emu.url}/project/${fn.project_id}/pipeline/destinations/hog-${fn.id}/configuration/`,
		},
		inputs: {},
	};
	// inputs resolve in their dependency order, each seeing the ones before it
	const ordered = Object.entries(fn.inputs).sort(([, a], [, b]) => (a.order ?? 0) - (b.order ?? 0));
	for (const [key, item] of ordered) globals.inputs[key] = resolve(item.value, globals);
	const { url, method = 'POST', headers, body } = globals.inputs;
	const sentHeaders =
		headers && typeof headers === 'object'
			? Object.fromEntries(Object.entries(headers).filter(([, v]) => typeof v === 'string')) // non-string headers are dropped
			: { 'Content-Type': 'application/json' };
	const payload =
		body === undefined || body === null || ['GET', 'HEAD'].includes(method)
			? undefined
			: typeof body === 'string'
				? body
				: JSON.stringify(body);
	const signing = globals.inputs.signing_secret;
	const key = signing ? standardWebhooksKey(signing) : undefined;
	// part 3 §10: a bad secret fails the invocation before any request
	if (signing && !key)
		return { id: fn.id, name: fn.name, url, statuses: [], error: SIGNING_FAILED };
	const webhookId = `msg_${randomBytes(12).toString('hex')}`; // one per fetch, kept on retries
	const statuses = [];
	for (let i = 0; i < ATTEMPTS; i++) {
		if (key) Object.assign(sentHeaders, signedHeaders(key, webhookId, emu.now(), payload ?? ''));
		const status = await attempt(url, method, sentHeaders, payload);
		statuses.push(status);
		if (status !== null && !RETRIED.has(status)) break;
	}
	return { id: fn.id, name: fn.name, url, statuses };
}

/** The enabled functions of `type` whose filters select `row`. */
const targetsOf = (emu, type, row, person) =>
	emu.state.hogFunctions.filter(
		(f) =>
			f.project_id === row.project_id &&
			f.type === type &&
			f.enabled &&
			!f.deleted &&
			![3, 12].includes(f.watcher.state) &&
			filtersMatch(emu.state, f.filters || {}, row, person),
	);

async function deliverAll(emu, targets, globals) {
	const results = [];
	for (const fn of targets) results.push(await deliverTo(emu, fn, globals));
	return results;
}

/** Delivers one event to every matching destination, one after the other. */
async function deliverEvent(emu, event, { projectId = 1 } = {}) {
	const row = storedOrNew(emu, event, projectId);
	const person = personForEvent(emu.state, row);
	return await deliverAll(emu, targetsOf(emu, 'destination', row, person), globalsFor(emu, row));
}

/**
 * One of PostHog's own signals (part 3 §9.3), as the internal-events consumer hands it to the
 * `internal_destination` functions only: `convertInternalEventToHogFunctionInvocationGlobals`
 * gives an event with `elements_chain` and `url` empty, a person only when the producer set one,
 * no groups. `timestamp` defaults to now without a zone, as PostHog's Python producers write it.
 *
 *   await emu.deliverInternalEvent({ event: '$error_tracking_issue_created', distinct_id: issueId,
 *     properties: { name, description, status } })
 */
async function deliverInternalEvent(
	emu,
	{ event, distinct_id, properties = {}, person, timestamp, uuid, projectId = 1 },
) {
	const project = emu.state.projects.find((p) => p.id === projectId);
	const row = { project_id: projectId, event, distinct_id, properties };
	const globals = {
		event: {
			uuid: uuid ?? uuid7(emu.now()),
			event,
			elements_chain: '',
			distinct_id,
			properties,
			timestamp: timestamp ?? emu.now().toISOString().replace(/Z$/, ''),
			url: '',
		},
		person,
		project: {
			id: projectId,
			name: project ? project.name : '',
			url: `${emu.url}/project/${projectId}`,
		},
	};
	return await deliverAll(emu, targetsOf(emu, 'internal_destination', row, undefined), globals);
}

module.exports = { deliverEvent, deliverInternalEvent, standardWebhooksKey };
