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
const { addEvent, personForEvent } = require('./models/events');

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

/** `filters`: events (or actions, which the emulator cannot evaluate) ORed, properties ANDed. */
function filtersMatch(filters, row, person) {
	const events = filters.events || [];
	const actions = filters.actions || [];
	if (actions.length && !events.length)
		throw new Error('deliverEvent: the emulator does not evaluate action filters');
	const eventOk =
		!events.length || events.some((e) => e.id === null || e.id === undefined || e.id === row.event);
	return eventOk && (filters.properties || []).every((p) => propertyMatches(p, row, person));
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
	const statuses = [];
	for (let i = 0; i < ATTEMPTS; i++) {
		const status = await attempt(url, method, sentHeaders, payload);
		statuses.push(status);
		if (status !== null && !RETRIED.has(status)) break;
	}
	return { id: fn.id, name: fn.name, url, statuses };
}

/** Delivers one event to every matching destination, one after the other. */
async function deliverEvent(emu, event, { projectId = 1 } = {}) {
	const row = storedOrNew(emu, event, projectId);
	const person = personForEvent(emu.state, row);
	const globals = globalsFor(emu, row);
	const targets = emu.state.hogFunctions.filter(
		(f) =>
			f.project_id === row.project_id &&
			f.type === 'destination' &&
			f.enabled &&
			!f.deleted &&
			![3, 12].includes(f.watcher.state) &&
			filtersMatch(f.filters || {}, row, person),
	);
	const results = [];
	for (const fn of targets) results.push(await deliverTo(emu, fn, globals));
	return results;
}

module.exports = { deliverEvent };
