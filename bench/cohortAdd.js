'use strict';
// `npm run bench:cohort`: Cohort → Add Persons with 10,000 persons from one input item, at
// PostHog Cloud's rate limits (the node's own pacer, which holds every request to PostHog's
// table). Three ways: person UUIDs; distinct IDs (looked up with HogQL, 1,000 a query); distinct
// IDs with a key without query:read (one look-up each, 240 a minute: run with the minute
// scaled down 60×, and the time at Cloud's limits given as 60× the measured one).
//   node bench/cohortAdd.js [--persons 10000]
const path = require('node:path');
const { runWorkflowNode } = require('./engine');
const { nodePath, credentialPath, modulePath } = require('./dist');
const { startEmulator } = require('../test/emulator');

const { option } = require('./cli');

const PERSONS = Number(option('persons', 10_000));
const COHORT = 21; // the seed's static cohort "Beta testers"
const SCALE = 60;

const { PostHogManagement } = require(nodePath);
const { PostHogManagementApi } = require(credentialPath);
const { limits } = require(modulePath('transport/timing.js'));

function addPersons(state, count) {
	const template = state.persons[0];
	const uuids = [];
	for (let n = 0; n < count; n++) {
		const uuid = `0193a1b5-c3d4-7e5f-8a6b-${(0x100000 + n).toString(16).padStart(12, '0')}`;
		uuids.push(uuid);
		state.persons.push({ ...template, id: 100_000 + n, uuid, distinct_ids: [`crm-${n}`] });
	}
	return uuids;
}

async function measure(emu, label, { personIds, personIdType, apiKey, throttles }) {
	emu.reset();
	const uuids = addPersons(emu.state, PERSONS);
	emu.state.keys.phx_no_query = { scopes: ['cohort:write', 'person:read'] };
	emu.requests.length = 0;
	limits.throttles = throttles;
	const t0 = performance.now();
	const { items, error } = await runWorkflowNode({
		nodeType: new PostHogManagement(),
		credentialType: new PostHogManagementApi(),
		credentials: { region: 'custom', host: emu.url, apiKey: apiKey ?? emu.apiKey },
		input: [{ json: {} }],
		parameters: {
			resource: 'cohort',
			operation: 'addPersons',
			projectId: { __rl: true, mode: 'id', value: '1' },
			cohortId: { __rl: true, mode: 'id', value: String(COHORT) },
			personIds: personIds(uuids),
			personIdType,
		},
	});
	const ms = performance.now() - t0;
	limits.throttles = undefined;
	if (error) throw new Error(`${label}: ${error.message} ${error.description ?? ''}`);
	const output = items[0].json;
	const members = emu.state.cohorts.find((c) => c.id === COHORT).members.length;
	if (output.added !== PERSONS || members < PERSONS)
		throw new Error(`${label}: added ${output.added}, the cohort holds ${members}`);
	const byKind = {};
	for (const r of emu.requests) {
		const kind = `${r.method} ${r.path.replace(/\/api\/projects\/1\//, '').replace(/\d+\//, '{id}/')}`;
		byKind[kind] = (byKind[kind] ?? 0) + 1;
	}
	return { label, ms, requests: emu.requests.length, byKind, scaled: Boolean(throttles) };
}

async function main() {
	const emu = await startEmulator();
	try {
		const rows = [
			await measure(emu, 'person UUIDs', { personIds: (uuids) => uuids, personIdType: 'uuid' }),
			await measure(emu, 'distinct IDs (HogQL look-ups)', {
				personIds: (uuids) => uuids.map((_, n) => `crm-${n}`),
				personIdType: 'distinctId',
			}),
			await measure(emu, 'distinct IDs, key without query:read (one look-up each)', {
				personIds: (uuids) => uuids.map((_, n) => `crm-${n}`),
				personIdType: 'distinctId',
				apiKey: 'phx_no_query',
				// persons reads: 240 a minute (PostHog's ClickHouse burst), the minute scaled down
				throttles: [{ scope: 'clickhouse_burst', limit: 240, periodSeconds: 60 / SCALE }],
			}),
		];
		console.log(
			`Cohort → Add Persons, ${PERSONS.toLocaleString('en-US')} persons from one input item, against the emulator on loopback. Node ${process.version}, ${path.basename(process.execPath)}.\n`,
		);
		console.log(
			'| persons given as | requests | by kind | wall time | at PostHog Cloud’s limits |',
		);
		console.log('| --- | --- | --- | --- | --- |');
		for (const r of rows) {
			const kinds = Object.entries(r.byKind)
				.map(([kind, count]) => `${count} × \`${kind}\``)
				.join(', ');
			const cloud = r.scaled
				? `${((r.ms * SCALE) / 60_000).toFixed(1)} min (60 × the time measured with the minute scaled to 1 s)`
				: `${(r.ms / 1000).toFixed(1)} s (measured with PostHog Cloud’s table)`;
			console.log(
				`| ${r.label} | ${r.requests.toLocaleString('en-US')} | ${kinds} | ${(r.ms / 1000).toFixed(2)} s | ${cloud} |`,
			);
		}
	} finally {
		await emu.close();
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
