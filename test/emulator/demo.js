'use strict';
/**
 * Believable demo data for the PostHog sandbox of `npm run dev` and the end-to-end tests.
 *
 *   const { startSandbox, seedDemo, DEMO } = require('./test/emulator/demo');
 *   const sandbox = await startSandbox({ port: 8010 }); // an emulator holding the demo data
 *   seedDemo(emu.state);                                 // or turn any emulator's state into it
 *
 * It starts from the emulator's default data (seed.js), keeps only the first project (renamed),
 * and adds, deterministically (same data on every run):
 *   - DEMO.groupCounts groups: companies, teams and accounts with realistic properties;
 *   - more insights, some of them shared, and a dashboard/feature-flag backlog;
 *   - file-system folders and entries, with some objects left unfiled for the tidy example;
 *   - responses to the Product feedback survey and error-tracking issues (seed.js), moved to the
 *     last day before the sandbox starts.
 * `sandbox.reset()` comes back to the same demo data.
 */
const { startEmulator } = require('./index');
const { SEED, addSurveyEvents } = require('./seed');
const { fixedUuid } = require('./ids');
const { upsertForProperties } = require('./models/propertyDefinitions');
const { isoFromMicros, parseIsoMicros } = require('./time');
const fsModel = require('./models/fileSystem');

const PROJECT_ID = SEED.projectIds.default;

const DEMO = {
	projectId: PROJECT_ID,
	projectName: 'Hedgebox (demo)',
	apiKey: 'phx_sandbox_demo_key',
	groupTypes: { company: 0, team: 1, account: 2 },
	/** Groups in the demo project per group type index, seed rows included. */
	groupCounts: { 0: 240, 1: 96, 2: 150 },
	insightIds: {
		...SEED.insightIds,
		dailyActiveUsers: 106,
		checkoutConversion: 107,
		trialToPaid: 108,
		featureAdoption: 109,
		churnRisk: 110,
		npsTrend: 111,
		activationFunnel: 112,
		retentionCohorts: 113,
		apiUsageByPlan: 114,
		supportTickets: 115,
		pricingPageViews: 116,
		weeklySignups: 117,
	},
	/** Shared insights (share link enabled) and their access tokens. */
	sharedInsights: [101, 103, 106, 107, 108],
	/** Objects that have no place in the tree yet: File Unfiled files them under Unfiled/. */
	unfiledDashboards: ['8', '31', '32', '33'],
};

// mulberry32: a small deterministic PRNG, so the demo data is the same on every run.
function prng(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const PREFIXES = [
	'North',
	'Blue',
	'Bright',
	'Silver',
	'Iron',
	'Cedar',
	'Harbor',
	'Summit',
	'Pioneer',
	'Quantum',
	'Red',
	'Green',
	'Atlas',
	'Nova',
	'Granite',
	'Maple',
	'Falcon',
	'Orbit',
	'Lumen',
	'Vertex',
];
const SUFFIXES = [
	'wind',
	'stone',
	'field',
	'works',
	'labs',
	'point',
	'bridge',
	'line',
	'scale',
	'forge',
	'path',
	'wave',
	'grid',
	'hub',
	'loop',
	'craft',
	'peak',
	'stack',
];
const FORMS = ['Inc.', 'Ltd', 'GmbH', 'LLC', 'Co.', 'AG', 'SAS', 'BV'];
const INDUSTRIES = [
	'SaaS',
	'Fintech',
	'E-commerce',
	'Healthcare',
	'Manufacturing',
	'Education',
	'Media',
	'Logistics',
];
const COUNTRIES = ['US', 'GB', 'DE', 'FR', 'NL', 'CA', 'AU', 'SE', 'ES', 'BR'];
const PLANS = ['free', 'free', 'starter', 'pro', 'pro', 'enterprise'];
const TEAMS = [
	'Growth',
	'Platform',
	'Data',
	'Design',
	'Sales',
	'Support',
	'Marketing',
	'Finance',
	'Mobile',
	'Security',
];

const slug = (text) =>
	text
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');

function pick(random, list) {
	return list[Math.floor(random() * list.length)];
}

/** Unique company names from the word lists, in a fixed order. */
function companyNames(random, count) {
	const names = new Set();
	while (names.size < count) {
		names.add(`${pick(random, PREFIXES)}${pick(random, SUFFIXES)}`);
		if (names.size === PREFIXES.length * SUFFIXES.length) break;
	}
	return [...names];
}

function addGroups(state, random) {
	const existing = (index) =>
		state.groups.filter((g) => g.project_id === PROJECT_ID && g.group_type_index === index);
	let clock = parseIsoMicros('2025-02-01T09:00:00Z');
	const nextCreatedAt = () => {
		clock += Math.floor(random() * 6 * 3600) * 1e6 + 1_000_003; // a few hours apart, never equal
		return isoFromMicros(clock);
	};
	const add = (index, key, properties) => {
		const group = {
			project_id: PROJECT_ID,
			id: state.nextIds.group++,
			group_type_index: index,
			group_key: key,
			group_properties: properties,
			created_at: nextCreatedAt(),
		};
		state.groups.push(group);
		upsertForProperties(state, PROJECT_ID, index, properties);
		return group;
	};

	const companies = [];
	const companyCount = DEMO.groupCounts[0] - existing(0).length;
	for (const base of companyNames(random, companyCount)) {
		const name = `${base} ${pick(random, FORMS)}`;
		const plan = pick(random, PLANS);
		const employees = Math.round(5 + random() ** 3 * 8000);
		companies.push(
			add(0, slug(base), {
				name,
				industry: pick(random, INDUSTRIES),
				employees,
				country: pick(random, COUNTRIES),
				plan,
				domain: `${slug(base)}.example`,
				is_customer: plan !== 'free',
			}),
		);
	}

	const teamCount = DEMO.groupCounts[1] - existing(1).length;
	for (let i = 0; i < teamCount; i++) {
		const company = companies[i % companies.length];
		const team = TEAMS[Math.floor(i / companies.length) % TEAMS.length];
		const offset = Math.floor(i / (companies.length * TEAMS.length));
		add(1, `${company.group_key}-${slug(team)}${offset ? `-${offset + 1}` : ''}`, {
			name: team,
			company: company.group_key,
			members: 2 + Math.floor(random() * 40),
		});
	}

	const accountCount = DEMO.groupCounts[2] - existing(2).length;
	for (let i = 0; i < accountCount; i++) {
		const company = companies[(i * 7) % companies.length];
		const plan = company.group_properties.plan;
		const seats = plan === 'free' ? 1 + Math.floor(random() * 3) : 5 + Math.floor(random() * 200);
		const pricePerSeat = { free: 0, starter: 9, pro: 25, enterprise: 60 }[plan];
		add(2, `acct_${String(i + 3).padStart(3, '0')}`, {
			plan,
			seats,
			mrr: seats * pricePerSeat,
			company: company.group_key,
			billing_email: `billing@${company.group_properties.domain}`,
		});
	}
}

function insight(
	id,
	shortId,
	name,
	derivedName,
	kind,
	tags,
	createdAt,
	lastModifiedAt,
	description = '',
) {
	return {
		project_id: PROJECT_ID,
		id,
		short_id: shortId,
		name,
		derived_name: derivedName,
		description,
		tags,
		favorited: false,
		saved: true,
		deleted: false,
		order: null,
		dashboards: [],
		query: {
			kind: 'InsightVizNode',
			source: { kind, series: [{ kind: 'EventsNode', event: '$pageview' }] },
		},
		created_at: createdAt,
		last_modified_at: lastModifiedAt,
		user_access_level: 'editor',
	};
}

// [key, short id, name, derived name, query kind, tags, folder in the tree or null (unfiled)]
const INSIGHTS = [
	[
		'dailyActiveUsers',
		'dAu7Xq2P',
		'Daily active users',
		'Unique users of $pageview',
		'TrendsQuery',
		['product'],
		'Product',
	],
	[
		'checkoutConversion',
		'cHk4Cv9L',
		'Checkout conversion',
		'Cart → Checkout → Paid',
		'FunnelsQuery',
		['growth', 'funnel'],
		'Growth',
	],
	[
		'trialToPaid',
		'tRl2Pd8K',
		'Trial to paid',
		'trial_started → subscribed',
		'FunnelsQuery',
		['growth', 'finance'],
		'Growth',
	],
	[
		'featureAdoption',
		'fAd5Op3N',
		'Feature adoption',
		'Users of file_shared by plan',
		'TrendsQuery',
		['product'],
		'Product',
	],
	[
		'churnRisk',
		'cRn6Rk1M',
		'Churn risk accounts',
		'Accounts inactive for 14 days',
		'LifecycleQuery',
		['success'],
		null,
	],
	['npsTrend', 'nPs3Tr7J', 'NPS trend', 'Average nps_score', 'TrendsQuery', ['success'], null],
	[
		'activationFunnel',
		'aCt8Fn2H',
		'Activation funnel',
		'signed_up → file_uploaded → file_shared',
		'FunnelsQuery',
		['growth', 'funnel'],
		'Growth',
	],
	[
		'retentionCohorts',
		'rEt1Ch5G',
		'Retention cohorts',
		'Retention of file_uploaded',
		'RetentionQuery',
		['product'],
		'Product',
	],
	[
		'apiUsageByPlan',
		'aPi9Us4F',
		'API usage by plan',
		'api_request by plan',
		'TrendsQuery',
		['platform'],
		null,
	],
	[
		'supportTickets',
		'sUp2Tk6D',
		'Support tickets opened',
		'Count of ticket_opened',
		'TrendsQuery',
		['success'],
		null,
	],
	[
		'pricingPageViews',
		'pRc7Pv3S',
		'Pricing page views',
		'$pageview where path = /pricing',
		'TrendsQuery',
		['marketing'],
		'Marketing',
	],
	[
		'weeklySignups',
		'wSu4Gn8A',
		'Weekly signups',
		'Count of signed_up per week',
		'TrendsQuery',
		['marketing', 'growth'],
		'Marketing',
	],
];

function addInsights(state) {
	const now = new Date('2025-03-01T09:00:00Z');
	INSIGHTS.forEach(([key, shortId, name, derived, kind, tags, folder], i) => {
		const id = DEMO.insightIds[key];
		const createdAt = isoFromMicros(parseIsoMicros('2025-01-06T09:00:00Z') + i * 86400e6);
		const modifiedAt = isoFromMicros(parseIsoMicros('2025-02-10T09:00:00Z') + i * 3 * 3600e6);
		state.insights.push(insight(id, shortId, name, derived, kind, tags, createdAt, modifiedAt));
		if (folder) {
			const path = `${folder}/${fsModel.escapeSegment(name)}`;
			fsModel.ensureParentFolders(state, PROJECT_ID, path, now);
			const row = fsModel.createEntry(
				state,
				PROJECT_ID,
				{
					path,
					type: 'insight',
					ref: shortId,
					href: fsModel.hrefFor('insight', shortId),
					meta: { created_at: createdAt, created_by: state.user.id },
					created_at: createdAt,
				},
				now,
			);
			row.id = fixedUuid('0193d3e0', 100 + i); // stable ids across runs
		}
	});
	// share links for some of them (101 and 103 are shared in the default data already)
	for (const id of DEMO.sharedInsights) {
		if (state.sharing.some((s) => s.insight_id === id)) continue;
		state.sharing.push({
			project_id: PROJECT_ID,
			insight_id: id,
			created_at: '2025-02-12T10:00:00Z',
			enabled: true,
			access_token: `DemoShareToken${String(id).padStart(4, '0')}abcdefghijklmn`.slice(0, 32),
			settings: { noHeader: false, legend: true },
			password_required: false,
			expires_at: null,
		});
	}
}

function addBacklog(state) {
	// dashboards and flags created in the UI without a place in the tree: "Unfiled" work
	const objects = [
		['dashboard', '31', 'Growth weekly'],
		['dashboard', '32', 'Customer success'],
		['dashboard', '33', 'Board metrics'],
		['feature_flag', '40', 'new-pricing-page'],
		['feature_flag', '41', 'dark-mode'],
		['cohort', '12', 'Trial users'],
	];
	for (const [type, ref, name] of objects) {
		state.objects.push({
			project_id: PROJECT_ID,
			type,
			ref,
			name,
			created_at: '2025-02-14T09:00:00Z',
		});
	}
}

/** Turns an emulator's state into the demo data, in place. */
function seedDemo(state) {
	const random = prng(20250301);
	const keep = (rows) =>
		rows.filter((row) => row.project_id === undefined || row.project_id === PROJECT_ID);
	state.projects = state.projects.filter((p) => p.id === PROJECT_ID);
	state.projects[0].name = DEMO.projectName;
	for (const key of [
		'groupTypes',
		'groups',
		'persons',
		'relations',
		'activity',
		'propertyDefinitions',
		'insights',
		'sharing',
		'fileSystem',
		'objects',
		'deleted',
		'logViews',
	]) {
		if (Array.isArray(state[key])) state[key] = keep(state[key]);
	}
	state.organization.name = 'Hedgebox Inc.';
	addGroups(state, random);
	addInsights(state);
	addBacklog(state);
	addRecentSignals(state);
	return state;
}

/**
 * The survey responses and the error-tracking issues moved up to an hour before the sandbox
 * starts, so that a workflow reading "the last day" (responses) or "the last 7 days" (issues)
 * finds them: the one part of the demo that follows the clock.
 */
function addRecentSignals(state, now = Date.now()) {
	addSurveyEvents(state);
	const iso = (ms) => new Date(Math.floor(ms)).toISOString();
	// the Product feedback responses, squeezed into the last day, in order
	const responses = state.events.filter(
		(e) => e.properties.$survey_id === SEED.surveyIds.productFeedback,
	);
	const times = responses.map((e) => Date.parse(e.timestamp));
	const [oldest, newest] = [Math.min(...times), Math.max(...times)];
	const scale = Math.min(1, (20 * 3600e3) / Math.max(newest - oldest, 1));
	responses.forEach((e, i) => {
		e.timestamp = e.captured_at = iso(now - 3600e3 - (newest - times[i]) * scale);
	});
	// the issues, all moved by the same amount: the newest seen an hour ago
	const issues = state.errorTrackingIssues;
	const shift = now - 3600e3 - Math.max(...issues.map((i) => Date.parse(i.last_seen)));
	for (const issue of issues) {
		issue.first_seen = iso(Date.parse(issue.first_seen) + shift);
		issue.last_seen = iso(Date.parse(issue.last_seen) + shift);
	}
}

/**
 * Starts an emulator holding the demo data. `apiKey` is the sandbox's valid key (any other key
 * gets PostHog's 401). `reset()` comes back to the demo data.
 */
async function startSandbox({ apiKey = DEMO.apiKey, port = 0 } = {}) {
	const emu = await startEmulator({ apiKey, port });
	seedDemo(emu.state);
	const reset = emu.reset.bind(emu);
	emu.reset = () => {
		reset();
		seedDemo(emu.state);
	};
	return emu;
}

module.exports = { DEMO, seedDemo, startSandbox };
