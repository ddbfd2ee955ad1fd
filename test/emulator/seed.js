'use strict';
// The default data every emulator starts (and resets) with. All timestamps and ids are
// fixed so tests can name them; SEED exports the ones tests are likely to need.
const { fixedUuid } = require('./ids');
const { upsertForProperties } = require('./models/propertyDefinitions');
const { depthOf } = require('./models/fileSystem');
const { validateHogFunction } = require('./models/hogFunctions');

const ORGANIZATION_ID = '0193a1b0-c3d4-7e5f-8a6b-000000000001';
const fileId = (n) => fixedUuid('0193a1b2', n);
const personId = (n) => fixedUuid('0193a1b5', n);
const activityId = (n) => fixedUuid('0193a1b7', n);

const SEED = {
	organizationId: ORGANIZATION_ID,
	userEmail: 'ada@example.com',
	projectIds: { default: 1, staging: 2 },
	groupTypes: { company: 0, team: 1, account: 2 },
	fileIds: {
		marketingFolder: fileId(1),
		campaignsFolder: fileId(2),
		signupFunnel: fileId(3),
		q3LaunchDashboard: fileId(4),
		productFolder: fileId(5),
		weeklyActiveUsers: fileId(6),
		newOnboardingFlag: fileId(7),
		roadmapNotebook: fileId(8),
		archiveFolder: fileId(9),
		pricingExperiment: fileId(10),
		slackAlerts: fileId(11),
		abTestsFolder: fileId(12),
		stagingFolder: fileId(13),
		stagingDashboard: fileId(14),
	},
	insightIds: {
		signupFunnel: 101,
		weeklyActiveUsers: 102,
		revenueByPlan: 103,
		oldRetention: 104,
		pageviewCount: 105,
		stagingSmokeTest: 201,
	},
	alertIds: {
		signupsDropped: '0193f1a2-5b6c-7d8e-9f0a-1b2c3d4e5f60',
		revenueSpike: '0193f1a2-5b6c-7d8e-9f0a-1b2c3d4e5f61',
	},
	insightShortIds: {
		signupFunnel: 'aB3dE5fG',
		weeklyActiveUsers: 'hJ7kL9mN',
		revenueByPlan: 'pQ2rS4tU',
		oldRetention: 'zZ9yY8xW',
		pageviewCount: 'dR1vEdN5',
		stagingSmokeTest: 'sT4gInG1',
	},
	sharing: {
		signupFunnelAccessToken: 'Zx8Qv1sWmR3tYb6nKp0LcE4hJd7fGa2u',
		revenueByPlanAccessToken: 'Rv5bPl4nQw9eTy2uIo7pAs1dFg6hJk3l',
		passwordIds: { boardMembers: 1, revoked: 2 },
		boardMembersPassword: 'board-members-2025',
	},
	personIds: {
		maria: personId(1),
		tom: personId(2),
		li: personId(3),
		anonymous: personId(4),
		stagingQa: personId(5),
		dana: personId(6),
	},
	personPks: { maria: 1, tom: 2, li: 3, anonymous: 4, stagingQa: 5, dana: 6 },
	featureFlagIds: {
		newOnboarding: 12,
		betaBanner: 15,
		beta: 16,
		betaCheckout: 17,
		darkModeTest: 18,
		legacySearch: 19,
		surveyTargeting: 20,
		oldCheckout: 21,
		stagingKillSwitch: 30,
	},
	actionIds: { signedUp: 11, viewedPricing: 12, oldOnboarding: 13 },
	cohortIds: { betaTesters: 21, powerUsers: 22, oldCampaign: 23 },
	// surveys of project 1 (part 3 §3): a launched one with responses, a draft, an archived one
	surveyIds: {
		productFeedback: fixedUuid('0194b2c0', 1),
		nps: fixedUuid('0194b2c0', 2),
		oldPoll: fixedUuid('0194b2c0', 3),
	},
	// error-tracking issues of project 1 (part 3 §4): two active, one resolved, one old
	issueIds: {
		typeError: fixedUuid('0195c1d2', 1),
		checkoutTimeout: fixedUuid('0195c1d2', 2),
		fixedNullRef: fixedUuid('0195c1d2', 3),
		oldWarning: fixedUuid('0195c1d2', 4),
	},
	dashboardIds: { growth: 7, weeklyReport: 8, deleted: 9 },
	// members of the organization, by user ID (the key's own user is 1)
	memberIds: { ada: 1, grace: 7 },
	surveyQuestionIds: {
		improve: fixedUuid('0194b2c1', 1),
		features: fixedUuid('0194b2c1', 2),
		heardFrom: fixedUuid('0194b2c1', 3), // asked at launch, removed since
		score: fixedUuid('0194b2c1', 4),
	},
	annotationIds: {
		pricingLaunch: 1,
		deploy142: 2,
		blackFriday: 3,
		deleted: 4,
		orgOffsite: 5,
		stagingDeploy: 6,
		onDeletedInsight: 7,
		undated: 8,
		deploy143: 9,
	},
	deleted: {
		insight: { type: 'insight', ref: 'zZ9yY8xW' },
		dashboard: { type: 'dashboard', ref: '9' },
		featureFlag: { type: 'feature_flag', ref: '21' },
		hogFunction: { type: 'hog_function/destination', ref: '0193a1b8-c3d4-7e5f-8a6b-000000000021' },
		notebook: { type: 'notebook', ref: 'oLdNoTe1' },
	},
	// events read by HogQL (query/) and delivered by emu.deliverEvent (part2 §5.2, §10.5)
	eventIds: {
		mariaPageview: fixedUuid('0193a1ba', 1),
		tomPageview: fixedUuid('0193a1ba', 2),
		mariaSignedUp: fixedUuid('0193a1ba', 3),
		liPageview: fixedUuid('0193a1ba', 4),
		liSignedUp: fixedUuid('0193a1ba', 5),
		anonymousPageview: fixedUuid('0193a1ba', 6),
		tomSignedUp: fixedUuid('0193a1ba', 7),
		mariaPageviewLater: fixedUuid('0193a1ba', 8),
		stagingPageview: fixedUuid('0193a1ba', 9),
	},
	// the file-system's destination rows point at these (disabled, and soft-deleted)
	hogFunctionIds: {
		slackAlerts: '0193a1b8-c3d4-7e5f-8a6b-000000000011',
		oldWebhook: '0193a1b8-c3d4-7e5f-8a6b-000000000021',
	},
};

const user = () => ({
	id: 1,
	uuid: '0193a1b1-c3d4-7e5f-8a6b-000000000001',
	distinct_id: 'ada-distinct-id',
	first_name: 'Ada',
	last_name: 'Lovelace',
	email: SEED.userEmail,
	is_email_verified: true,
	date_joined: '2024-10-01T08:00:00Z',
	current_project_id: 1,
});

const organization = () => ({
	id: ORGANIZATION_ID,
	name: 'Emulated Org',
	slug: 'emulated-org',
	created_at: '2024-10-01T08:00:00Z',
	membership_level: 15,
});

const project = (id, name, token, createdAt) => ({
	id,
	uuid: fixedUuid('0193a1b9', id),
	organization: ORGANIZATION_ID,
	api_token: token,
	name,
	completed_snippet_onboarding: true,
	has_completed_onboarding_for: { product_analytics: true },
	ingested_event: true,
	is_demo: false,
	timezone: 'UTC',
	access_control: false,
	created_at: createdAt,
});

const groupType = (projectId, index, type, singular, plural, createdAt) => ({
	project_id: projectId,
	group_type: type,
	group_type_index: index,
	name_singular: singular,
	name_plural: plural,
	detail_dashboard: null,
	default_columns: null,
	created_at: createdAt,
});

function groups() {
	const rows = [
		[
			1,
			0,
			'acme',
			{ name: 'Acme', industry: 'SaaS', employees: 120 },
			'2024-11-05T10:00:00.123456Z',
		],
		[
			1,
			0,
			'globex',
			{ name: 'Globex', industry: 'Manufacturing', employees: 5400 },
			'2024-11-06T11:30:00Z',
		],
		[
			1,
			0,
			'initech',
			{ name: 'Initech', industry: 'SaaS', employees: 45 },
			'2024-11-07T08:15:00.500000Z',
		],
		// umbrella and hooli share a created_at: the keyset cursor breaks the tie on group_key (§2.1)
		[
			1,
			0,
			'umbrella',
			{ name: 'Umbrella Corp', industry: 'Biotech', employees: 900, plan: 'enterprise' },
			'2024-11-08T14:00:00Z',
		],
		[
			1,
			0,
			'hooli',
			{ name: 'Hooli', industry: 'SaaS', employees: 3000, plan: 'enterprise', is_customer: true },
			'2024-11-08T14:00:00Z',
		],
		[1, 1, 'acme-growth', { name: 'Growth', company: 'acme' }, '2024-11-09T09:00:00Z'],
		[1, 1, 'acme-platform', { name: 'Platform', company: 'acme' }, '2024-11-09T09:05:00Z'],
		[1, 1, 'globex-ops', { name: 'Operations', company: 'globex' }, '2024-11-10T16:45:00Z'],
		[1, 2, 'acct_001', { plan: 'pro', mrr: 499, company: 'acme' }, '2024-11-11T12:00:00Z'],
		[1, 2, 'acct_002', { plan: 'free', mrr: 0, company: 'initech' }, '2024-11-12T12:00:00Z'],
		[2, 0, 'staging-org', { name: 'Staging Org' }, '2024-12-01T00:00:00Z'],
	];
	return rows.map(([projectId, index, key, properties, createdAt], i) => ({
		project_id: projectId,
		id: i + 1,
		group_type_index: index,
		group_key: key,
		group_properties: properties,
		created_at: createdAt,
	}));
}

// `id` is PostHog's integer pk (persons/{id}/ returns it); the list shows the uuid as `id` (part2 §3).
const person = (
	n,
	distinctIds,
	properties,
	isIdentified,
	createdAt,
	lastSeenAt,
	projectId = 1,
) => ({
	project_id: projectId,
	id: n,
	uuid: personId(n),
	distinct_ids: distinctIds,
	properties,
	is_identified: isIdentified,
	created_at: createdAt,
	last_seen_at: lastSeenAt,
});

const persons = () => [
	person(
		1,
		['maria@acme.com', 'anon-1f2e'],
		{ email: 'maria@acme.com', name: 'Maria Garcia' },
		true,
		'2024-11-05T10:02:00Z',
		'2025-01-20T08:00:00Z',
	),
	person(
		2,
		['tom@acme.com'],
		{ email: 'tom@acme.com', name: 'Tom Chen' },
		true,
		'2024-11-06T09:00:00Z',
		'2025-01-19T15:30:00Z',
	),
	person(
		3,
		['li@globex.com'],
		{ email: 'li@globex.com', name: 'Li Wei' },
		true,
		'2024-11-07T13:00:00Z',
		'2025-01-18T11:10:00Z',
	),
	person(4, ['anon-7c9d'], {}, false, '2024-11-12T12:30:00Z', '2025-01-17T21:45:00Z'),
	person(
		6,
		['a1b2c3d4-e5f6-a7b8-c9d0-e1f2a3b4c5d6', 'dana@initech.com'],
		{ email: 'dana@initech.com', name: 'Dana Scully', plan: 'pro' },
		true,
		'2024-11-20T16:00:00Z',
		'2025-01-21T09:00:00Z',
	),
	person(
		5,
		['qa@staging.example'],
		{ email: 'qa@staging.example', plan: 'pro' },
		true,
		'2024-12-01T00:05:00Z',
		'2025-01-02T10:00:00Z',
		2,
	),
];

// One row per combination of person and groups seen together in events of the last
// 90 days; groups/related/ reads these (§2.8).
const relations = () => [
	{ project_id: 1, person_id: personId(1), groups: { 0: 'acme', 1: 'acme-growth', 2: 'acct_001' } },
	{ project_id: 1, person_id: personId(2), groups: { 0: 'acme', 1: 'acme-platform' } },
	{ project_id: 1, person_id: personId(3), groups: { 0: 'globex', 1: 'globex-ops' } },
	{ project_id: 1, person_id: personId(4), groups: { 0: 'initech', 2: 'acct_002' } },
];

function activity() {
	const ada = { first_name: 'Ada', email: SEED.userEmail };
	const system = { first_name: 'System', email: null, is_system: true };
	let n = 0;
	const entry = (itemId, activityName, name, action, before, after, createdAt, by = ada) => ({
		project_id: 1,
		id: activityId(++n),
		user: by,
		activity: activityName,
		scope: 'Group',
		item_id: String(itemId),
		detail: {
			id: null,
			changes: [{ type: 'Group', action, field: null, before, after }],
			merge: null,
			trigger: null,
			name,
			short_id: null,
			type: null,
		},
		created_at: createdAt,
	});
	return [
		// acme (group id 1): 12 entries, so the default limit of 10 gives two pages
		entry(1, 'create_group', 'name', 'created', null, 'Acme', '2024-11-05T10:00:01Z'),
		entry(1, 'create_group', 'industry', 'created', null, 'SaaS', '2024-11-05T10:00:01Z'),
		entry(1, 'create_group', 'employees', 'created', null, 100, '2024-11-05T10:00:01Z'),
		entry(1, 'create_property', 'stage', 'created', null, 'trial', '2024-11-10T09:00:00Z'),
		entry(1, 'update_property', 'employees', 'changed', 100, 105, '2024-12-01T09:00:00Z', system),
		entry(1, 'update_property', 'stage', 'changed', 'trial', 'customer', '2024-12-01T10:00:00Z'),
		entry(1, 'update_property', 'employees', 'changed', 105, 110, '2024-12-15T09:00:00Z', system),
		entry(1, 'create_property', 'website', 'created', null, 'acme.example', '2024-12-20T14:00:00Z'),
		entry(1, 'update_property', 'employees', 'changed', 110, 115, '2025-01-02T09:00:00Z', system),
		entry(1, 'update_property', 'stage', 'deleted', 'customer', null, '2025-01-05T11:00:00Z'),
		entry(1, 'update_property', 'employees', 'changed', 115, 120, '2025-01-10T09:00:00Z', system),
		entry(1, 'update_property', 'website', 'deleted', 'acme.com', null, '2025-01-12T16:00:00Z'),
		// globex (group id 2)
		entry(2, 'create_group', 'name', 'created', null, 'Globex', '2024-11-06T11:30:01Z'),
		entry(2, 'create_group', 'industry', 'created', null, 'Manufacturing', '2024-11-06T11:30:01Z'),
		entry(2, 'create_group', 'employees', 'created', null, 5400, '2024-11-06T11:30:01Z'),
	];
}

const insight = (projectId, id, shortId, name, derivedName, extra) => ({
	project_id: projectId,
	id,
	short_id: shortId,
	name,
	derived_name: derivedName,
	description: '',
	tags: [],
	favorited: false,
	saved: true,
	deleted: false,
	order: null,
	dashboards: [],
	query: {
		kind: 'InsightVizNode',
		source: { kind: 'TrendsQuery', series: [{ kind: 'EventsNode', event: '$pageview' }] },
	},
	created_at: '2024-12-02T10:00:00Z',
	last_modified_at: '2025-01-14T16:20:00Z',
	user_access_level: 'editor',
	...extra,
});

const insights = () => [
	insight(1, 101, 'aB3dE5fG', 'Signup funnel', 'Pageview → Sign up conversion', {
		description: 'Visitors who sign up within 14 days',
		tags: ['marketing', 'funnel'],
		favorited: true,
		dashboards: [7],
		query: {
			kind: 'InsightVizNode',
			source: {
				kind: 'FunnelsQuery',
				series: [
					{ kind: 'EventsNode', event: '$pageview' },
					{ kind: 'EventsNode', event: 'signed_up' },
				],
			},
		},
		last_modified_at: '2025-01-14T16:20:00Z',
	}),
	insight(1, 102, 'hJ7kL9mN', 'Weekly active users', 'Weekly active users of $pageview', {
		tags: ['product'],
		created_at: '2024-12-03T10:00:00Z',
		last_modified_at: '2025-01-13T10:00:00Z',
	}),
	insight(1, 103, 'pQ2rS4tU', 'Revenue by plan', 'Sum of revenue by plan', {
		description: 'MRR split by billing plan',
		tags: ['finance'],
		created_at: '2024-12-04T10:00:00Z',
		last_modified_at: '2025-01-12T10:00:00Z',
	}),
	insight(1, 104, 'zZ9yY8xW', 'Old retention', 'Retention of $pageview', {
		deleted: true,
		created_at: '2024-06-01T10:00:00Z',
		last_modified_at: '2024-12-30T10:00:00Z',
	}),
	insight(1, 105, 'dR1vEdN5', null, 'Pageview count', {
		created_at: '2024-12-05T10:00:00Z',
		last_modified_at: '2025-01-11T10:00:00Z',
	}),
	insight(2, 201, 'sT4gInG1', 'Staging smoke test', 'Pageview count', {
		created_at: '2024-12-10T10:00:00Z',
		last_modified_at: '2024-12-10T10:00:00Z',
	}),
];

const sharing = () => [
	{
		project_id: 1,
		insight_id: 101,
		created_at: '2025-01-08T12:00:00Z',
		enabled: true,
		access_token: SEED.sharing.signupFunnelAccessToken,
		settings: { noHeader: true, legend: true },
		password_required: true,
		expires_at: null,
	},
	{
		project_id: 1,
		insight_id: 103,
		created_at: '2025-01-09T12:00:00Z',
		enabled: true,
		access_token: SEED.sharing.revenueByPlanAccessToken,
		settings: null,
		password_required: false,
		expires_at: null,
	},
];

const sharePasswords = () => [
	{
		id: 1,
		insight_id: 101,
		created_at: '2025-01-08T12:05:00Z',
		note: 'Board members',
		created_by_email: SEED.userEmail,
		is_active: true,
		password: SEED.sharing.boardMembersPassword,
	},
	{
		id: 2,
		insight_id: 101,
		created_at: '2025-01-08T12:06:00Z',
		note: 'Revoked',
		created_by_email: SEED.userEmail,
		is_active: false,
		password: 'revoked-password',
	},
];

const meta = (createdAt) => ({ created_at: createdAt, created_by: 1 });

function fileSystem() {
	const row = (n, path, type, ref, href, createdAt, projectId = 1) => ({
		project_id: projectId,
		id: fileId(n),
		path,
		depth: null, // filled below from the path
		type,
		ref,
		href,
		meta: type === 'folder' ? {} : meta(createdAt),
		shortcut: false,
		created_at: createdAt,
	});
	return [
		row(1, 'Marketing', 'folder', null, null, '2024-12-01T09:00:00Z'),
		row(2, 'Marketing/Campaigns', 'folder', null, null, '2024-12-01T09:01:00Z'),
		row(
			3,
			'Marketing/Signup funnel',
			'insight',
			'aB3dE5fG',
			'/insights/aB3dE5fG',
			'2024-12-02T10:00:00Z',
		),
		row(
			4,
			'Marketing/Campaigns/Q3 launch',
			'dashboard',
			'7',
			'/dashboard/7',
			'2024-12-02T11:00:00Z',
		),
		row(5, 'Product', 'folder', null, null, '2024-12-01T09:02:00Z'),
		row(
			6,
			'Product/Weekly active users',
			'insight',
			'hJ7kL9mN',
			'/insights/hJ7kL9mN',
			'2024-12-03T10:00:00Z',
		),
		row(
			7,
			'Product/new-onboarding',
			'feature_flag',
			'12',
			'/feature_flags/12',
			'2024-12-03T11:00:00Z',
		),
		row(
			8,
			'Product/Roadmap notes',
			'notebook',
			'nB4vC6xZ',
			'/notebooks/nB4vC6xZ',
			'2024-12-03T12:00:00Z',
		),
		row(9, 'Product/Archive', 'folder', null, null, '2024-12-01T09:03:00Z'),
		row(
			10,
			'Marketing/Campaigns/Pricing page test',
			'experiment',
			'3',
			'/experiments/3',
			'2024-12-04T09:00:00Z',
		),
		row(
			11,
			'Marketing/Slack alerts',
			'hog_function/destination',
			'0193a1b8-c3d4-7e5f-8a6b-000000000011',
			'/functions/0193a1b8-c3d4-7e5f-8a6b-000000000011',
			'2024-12-04T10:00:00Z',
		),
		// a "/" inside a name is escaped as "\/" (§1 entry object)
		row(12, 'Marketing/A\\/B tests', 'folder', null, null, '2024-12-05T09:00:00Z'),
		row(13, 'Staging stuff', 'folder', null, null, '2024-12-10T09:00:00Z', 2),
		row(
			14,
			'Staging stuff/Smoke dashboard',
			'dashboard',
			'30',
			'/dashboard/30',
			'2024-12-10T09:30:00Z',
			2,
		),
	];
}

// Live non-insight objects that file-system rows point at; those without a row are "unfiled" (§1.7).
const objects = () => [
	{
		project_id: 1,
		type: 'dashboard',
		ref: '7',
		name: 'Q3 launch',
		created_at: '2024-12-02T11:00:00Z',
	},
	{
		project_id: 1,
		type: 'dashboard',
		ref: '8',
		name: 'Ops overview',
		created_at: '2024-12-06T09:00:00Z',
	},
	{
		project_id: 1,
		type: 'feature_flag',
		ref: '12',
		name: 'new-onboarding',
		created_at: '2024-12-03T11:00:00Z',
	},
	{
		project_id: 1,
		type: 'feature_flag',
		ref: '15',
		name: 'beta-banner',
		created_at: '2024-12-07T09:00:00Z',
	},
	{
		project_id: 1,
		type: 'experiment',
		ref: '3',
		name: 'Pricing page test',
		created_at: '2024-12-04T09:00:00Z',
	},
	{
		project_id: 1,
		type: 'notebook',
		ref: 'nB4vC6xZ',
		name: 'Roadmap notes',
		created_at: '2024-12-03T12:00:00Z',
	},
	{
		project_id: 1,
		type: 'cohort',
		ref: '4',
		name: 'Power users',
		created_at: '2024-12-08T09:00:00Z',
	},
	{
		project_id: 1,
		type: 'hog_function/destination',
		ref: '0193a1b8-c3d4-7e5f-8a6b-000000000011',
		name: 'Slack alerts',
		created_at: '2024-12-04T10:00:00Z',
	},
	{
		project_id: 2,
		type: 'dashboard',
		ref: '30',
		name: 'Smoke dashboard',
		created_at: '2024-12-10T09:30:00Z',
	},
];

// Soft-deleted objects that file_system/undo_delete/ can bring back (§1.6).
const deleted = () => [
	{
		project_id: 1,
		type: 'insight',
		ref: 'zZ9yY8xW',
		name: 'Old retention',
		path: 'Marketing/Old retention',
		deleted_at: '2025-01-03T10:00:00Z',
	},
	{
		project_id: 1,
		type: 'dashboard',
		ref: '9',
		name: 'Legacy KPIs',
		path: 'Legacy KPIs',
		deleted_at: '2025-01-04T10:00:00Z',
	},
	{
		project_id: 1,
		type: 'feature_flag',
		ref: '21',
		name: 'old-checkout',
		path: 'Product/old-checkout',
		deleted_at: '2025-01-05T10:00:00Z',
	},
	{
		project_id: 1,
		type: 'hog_function/destination',
		ref: SEED.deleted.hogFunction.ref,
		name: 'Old webhook',
		path: 'Unfiled/Destinations/Old webhook',
		deleted_at: '2025-01-06T10:00:00Z',
	},
	// notebooks are not a restorable type: undoing this one always fails (§1.6)
	{
		project_id: 1,
		type: 'notebook',
		ref: 'oLdNoTe1',
		name: 'Old notes',
		path: 'Product/Old notes',
		deleted_at: '2025-01-07T10:00:00Z',
	},
];

const logViews = () => [
	{ project_id: 1, type: 'insight', ref: 'aB3dE5fG', viewed_at: '2025-01-20T09:15:00Z' },
	{ project_id: 1, type: 'dashboard', ref: '7', viewed_at: '2025-01-19T17:40:00Z' },
	{ project_id: 1, type: 'insight', ref: 'hJ7kL9mN', viewed_at: '2025-01-18T08:05:00.250000Z' },
	{ project_id: 1, type: 'notebook', ref: 'nB4vC6xZ', viewed_at: '2025-01-16T12:00:00Z' },
	{ project_id: 1, type: 'feature_flag', ref: '12', viewed_at: '2025-01-15T13:00:00Z' },
];

const flag = (projectId, id, key, name, filters, createdAt, extra = {}) => ({
	project_id: projectId,
	id,
	key,
	name,
	filters,
	deleted: false,
	active: true,
	archived: false,
	created_at: createdAt,
	updated_at: createdAt,
	version: 1,
	ensure_experience_continuity: false,
	tags: [],
	is_remote_configuration: false,
	evaluation_runtime: 'all',
	bucketing_identifier: null,
	last_called_at: null,
	internal: null, // 'survey' / 'product_tour': an internal targeting flag, hidden from the list
	...extra,
});
const rollout = (percentage, properties = []) => ({
	groups: [{ properties, rollout_percentage: percentage, variant: null }],
	multivariate: null,
	payloads: {},
});

// Keys that are substrings of each other (beta, beta-banner, beta-checkout): `search` is a
// substring match, so resolving a key needs an exact comparison (part2 §4).
const featureFlags = () => [
	flag(1, 12, 'new-onboarding', 'New onboarding flow', rollout(50), '2024-12-03T11:00:00Z', {
		tags: ['onboarding'],
		last_called_at: '2025-01-25T08:00:00Z',
		version: 3,
		updated_at: '2025-01-09T10:00:00Z',
	}),
	// fully rolled out, never called, older than 30 days: STALE once the clock passes 2025-01-06
	flag(1, 15, 'beta-banner', 'Banner for beta users', rollout(100), '2024-12-07T09:00:00Z'),
	flag(
		1,
		16,
		'beta',
		'Beta program',
		rollout(20, [{ key: 'email', value: '@acme.com', operator: 'icontains', type: 'person' }]),
		'2024-12-20T10:00:00Z',
		{ last_called_at: '2025-01-28T12:00:00Z' },
	),
	flag(
		1,
		17,
		'beta-checkout',
		'Checkout redesign',
		{
			groups: [{ properties: [], rollout_percentage: 100, variant: null }],
			multivariate: {
				variants: [
					{ key: 'control', name: 'Control', rollout_percentage: 50 },
					{ key: 'test', name: 'Test', rollout_percentage: 50 },
				],
			},
			payloads: {},
		},
		'2025-01-10T10:00:00Z',
	),
	flag(1, 18, 'dark-mode-test', 'Dark mode', rollout(0), '2025-01-12T10:00:00Z', { active: false }),
	flag(1, 19, 'legacy-search', 'Old search', rollout(100), '2024-10-20T10:00:00Z', {
		active: false,
		archived: true,
	}),
	flag(
		1,
		20,
		'survey-targeting-4f2a9c',
		'Targeting flag for survey NPS',
		rollout(100),
		'2025-01-14T10:00:00Z',
		{ internal: 'survey' },
	),
	flag(1, 21, 'old-checkout', 'Old checkout', rollout(100), '2024-11-01T10:00:00Z', {
		deleted: true,
		updated_at: '2025-01-05T10:00:00Z',
		version: 2,
	}),
	flag(2, 30, 'staging-kill-switch', 'Staging kill switch', rollout(100), '2024-12-11T10:00:00Z'),
];

const annotation = (id, projectId, content, dateMarker, scope, createdAt, extra = {}) => ({
	id,
	project_id: projectId,
	organization_id: ORGANIZATION_ID,
	content,
	date_marker: dateMarker,
	creation_type: 'USR',
	dashboard_item: null,
	dashboard_id: null,
	created_by: 1,
	created_at: createdAt,
	updated_at: createdAt,
	deleted: false,
	scope,
	emoji: null,
	hidden_in_user_interface: null,
	tags: [],
	...extra,
});

// The list is ordered by -date_marker (null first) and includes organization-scoped rows of
// sibling projects (part2 §9.1).
const annotations = () => [
	annotation(
		1,
		1,
		'Launched pricing page v2',
		'2025-01-10T12:00:00Z',
		'project',
		'2025-01-10T12:05:00Z',
	),
	annotation(2, 1, 'Deployed v1.4.2', '2025-01-15T09:30:00Z', 'project', '2025-01-15T09:30:02Z', {
		creation_type: 'GIT',
		hidden_in_user_interface: true,
	}),
	annotation(
		3,
		1,
		'Black Friday campaign',
		'2024-11-29T00:00:00Z',
		'dashboard_item',
		'2024-11-29T08:00:00Z',
		{ dashboard_item: 101 },
	),
	annotation(
		4,
		1,
		'Wrong date, ignore',
		'2025-01-12T00:00:00Z',
		'project',
		'2025-01-12T08:00:00Z',
		{ deleted: true },
	),
	annotation(
		5,
		2,
		'Company offsite (all projects)',
		'2025-01-05T00:00:00Z',
		'organization',
		'2024-12-20T10:00:00Z',
	),
	annotation(6, 2, 'Staging deploy', '2025-01-06T00:00:00Z', 'project', '2025-01-06T00:00:05Z'),
	// attached to the soft-deleted insight 104: hidden everywhere
	annotation(
		7,
		1,
		'Retention dip explained',
		'2024-12-30T00:00:00Z',
		'dashboard_item',
		'2024-12-30T09:00:00Z',
		{ dashboard_item: 104 },
	),
	annotation(8, 1, 'Undated note', null, 'project', '2025-01-02T09:00:00Z'),
	annotation(9, 1, 'Deployed v1.4.3', '2025-01-20T09:30:00Z', 'project', '2025-01-20T09:30:03Z', {
		creation_type: 'GIT',
	}),
];

// Events of January 2025: 5 $pageview and 3 signed_up in project 1 (signups on the 15th,
// 16th and 18th, two of them by acme people), one $pageview in project 2.
const events = () => {
	const row = (n, event, distinctId, properties, timestamp, projectId = 1) => ({
		project_id: projectId,
		uuid: SEED.eventIds[Object.keys(SEED.eventIds)[n - 1]],
		event,
		distinct_id: distinctId,
		properties,
		timestamp,
		captured_at: timestamp,
		elements_chain: '',
	});
	const web = (url) => ({ $current_url: url, $lib: 'web' });
	const signup = (plan, company) => ({ plan, $lib: 'posthog-node', $groups: { company } });
	return [
		row(
			1,
			'$pageview',
			'maria@acme.com',
			web('https://acme.example/pricing'),
			'2025-01-14T09:00:00Z',
		),
		row(2, '$pageview', 'tom@acme.com', web('https://acme.example/'), '2025-01-15T10:30:00Z'),
		row(3, 'signed_up', 'maria@acme.com', signup('pro', 'acme'), '2025-01-15T11:00:00.123456Z'),
		row(
			4,
			'$pageview',
			'li@globex.com',
			web('https://globex.example/docs'),
			'2025-01-16T08:00:00Z',
		),
		row(5, 'signed_up', 'li@globex.com', signup('free', 'globex'), '2025-01-16T09:15:00Z'),
		row(6, '$pageview', 'anon-7c9d', web('https://acme.example/pricing'), '2025-01-17T21:45:00Z'),
		row(7, 'signed_up', 'tom@acme.com', signup('pro', 'acme'), '2025-01-18T12:00:00Z'),
		row(8, '$pageview', 'maria@acme.com', web('https://acme.example/app'), '2025-01-20T08:00:00Z'),
		row(
			9,
			'$pageview',
			'qa@staging.example',
			web('https://staging.example/'),
			'2025-01-10T10:00:00Z',
			2,
		),
	];
};

// Webhook destinations behind the file-system rows: neither receives deliveries.
const hogFunctions = () => {
	const destination = (id, name, url, createdAt, extra) => ({
		project_id: 1,
		id,
		template_id: 'template-webhook',
		created_at: createdAt,
		updated_at: createdAt,
		execution_order: null,
		masking: null,
		mappings: null,
		watcher: { state: 1, tokens: 10000 },
		enabled: false,
		deleted: false,
		...validateHogFunction(
			{},
			{
				type: 'destination',
				template_id: 'template-webhook',
				name,
				inputs: {
					url: { value: url },
					method: { value: 'POST' },
					body: { value: { event: '{event}', person: '{person}' } },
				},
				filters: { events: [{ id: 'signed_up', name: 'signed_up', type: 'events', order: 0 }] },
			},
		),
		...extra,
	});
	return [
		destination(
			SEED.hogFunctionIds.slackAlerts,
			'Slack alerts',
			'https://hooks.slack.com/services/T000/B000/XXXX',
			'2024-12-04T10:00:00Z',
			{},
		),
		destination(
			SEED.hogFunctionIds.oldWebhook,
			'Old webhook',
			'https://old.example/hook',
			'2024-11-20T10:00:00Z',
			{ deleted: true, updated_at: '2025-01-06T10:00:00Z' },
		),
	];
};

/** A fresh, fully independent copy of the default state. */
function buildSeedState(apiKey) {
	const state = {
		keys: { [apiKey]: { scopes: ['*'] } },
		user: user(),
		organization: organization(),
		projects: [
			project(
				1,
				'Default project',
				'phc_EmulatedDefaultProjectToken0000000001',
				'2024-10-01T08:00:00Z',
			),
			project(2, 'Staging', 'phc_EmulatedStagingProjectToken00000000002', '2024-10-15T08:00:00Z'),
		],
		groupTypes: [
			groupType(1, 0, 'company', 'Company', 'Companies', '2024-11-05T10:00:00Z'),
			groupType(1, 1, 'team', 'Team', 'Teams', '2024-11-09T09:00:00Z'),
			groupType(1, 2, 'account', 'Account', 'Accounts', '2024-11-11T12:00:00Z'),
			groupType(2, 0, 'organization', 'Organization', 'Organizations', '2024-12-01T00:00:00Z'),
		],
		groups: groups(),
		persons: persons(),
		relations: relations(),
		activity: activity(),
		propertyDefinitions: [],
		notebooksCreated: [],
		insights: insights(),
		sharing: sharing(),
		sharePasswords: sharePasswords(),
		fileSystem: fileSystem(),
		objects: objects(),
		deleted: deleted(),
		logViews: logViews(),
		featureFlags: featureFlags(),
		featureFlagListRequests: 0, // part2 §4: each list call with a personal key counts as a local-evaluation request
		annotations: annotations(),
		personDeletions: [], // one entry per DELETE persons/{id}/, with its presence-based flags
		personCaptureFailure: null, // part2 §3: an HTTP status makes every person capture fail
		personDeleteStatus: 202, // part2 §3: 204 on older servers
		groupCaptureFailure: null, // §2.2: an HTTP status makes POST groups/ fail after saving the row
		events: events(),
		eventDefinitions: eventDefinitionsOf(events()),
		surveys: surveys(),
		surveyArchivedResponses: {}, // part 3 §3: `survey sent` event UUIDs archived, by survey
		dashboards: dashboards(),
		dashboardRunInsights: true, // part 3 §5: false = an older server without run_insights/
		errorTrackingIssues: errorTrackingIssues(),
		errorTrackingRoutes: 'projects', // part 3 §4.1: 'projects' (newest), 'both', 'environments' (older)
		organizationMembers: organizationMembers(),
		actions: actions(),
		cohorts: cohorts(),
		alerts: alerts(),
		actionsIgnoreParams: false, // §2 of part 3: true = an older server, every action in one answer
		hogFunctions: hogFunctions(),
		queryCache: {}, // part2 §5.4: HogQL answers by cache key, fresh for 6 hours
		queryStatuses: {}, // part2 §5.2: async query runs, by query id
		internalDestinations: true, // part 3 §9.1: false = a server without `internal_destination` (400 invalid_choice)
		managedAlertGuard: true, // part 3 §9.1: false = an older server, no refusal of managed alert events
		webhookSigning: true, // part 3 §10: false = an older template without `signing_secret` (dropped silently)
		hogFunctionAccess: 'open', // part2 §10.1: 'open' (newest), 'addon' (Data Pipelines gate), 'internal' (personal keys refused)
		dataPipelinesAddon: false, // the org's Data Pipelines addon, read only when hogFunctionAccess is 'addon'
		personalKeyOffsetBlocked: false, // newest HogQL refuses OFFSET from personal keys (user_query_validator.py)
		// feature switches tests may flip
		legacyGroupPropertyDefinitions: true, // §2.6: false = the endpoint 404s, as on current cloud
		propertyValuesBareArray: false, // §2.7: true = groups/property_values/ answers a bare array
		fileSystemKeyActions: true, // §1: false = an older server: 403 on the tree's actions, no undo_delete
		advancedPermissions: true, // §3.2: the organization's Advanced Permissions feature
		crmEnabled: true, // §2.5: the CRM flag that makes groups/find/ create notebooks
		nextIds: {
			group: 12,
			password: 3,
			propertyDefinition: 1,
			featureFlag: 31,
			annotation: 10,
			cohort: 30,
		},
	};
	for (const row of state.fileSystem) row.depth = depthOf(row.path);
	for (const g of state.groups)
		upsertForProperties(state, g.project_id, g.group_type_index, g.group_properties);
	return state;
}

/** Insight alerts of project 1 (docs/posthog-api-part3.md §7), newest first in the list. */
const alerts = () => {
	const alert = (id, name, insight, createdAt, state) => ({
		project_id: 1,
		id,
		name,
		insight,
		created_by: null,
		created_at: createdAt,
		enabled: true,
		state,
		threshold: {
			configuration: { type: 'absolute', bounds: { lower: 10, upper: null } },
		},
		condition: { type: 'absolute_value' },
		config: { type: 'TrendsAlertConfig', series_index: 0, check_ongoing_interval: false },
		subscribed_users: [],
		calculation_interval: 'daily',
		snoozed_until: null,
		skip_weekend: false,
		last_notified_at: null,
		last_checked_at: '2025-02-20T08:00:00Z',
		next_check_at: '2025-02-21T08:00:00Z',
		checks: [],
	});
	return [
		alert(
			SEED.alertIds.signupsDropped,
			'Signups dropped',
			SEED.insightIds.signupFunnel,
			'2025-02-01T10:00:00Z',
			'Not firing',
		),
		alert(
			SEED.alertIds.revenueSpike,
			'Revenue spike',
			SEED.insightIds.revenueByPlan,
			'2025-02-03T10:00:00Z',
			'Firing',
		),
	];
};

/** Actions of project 1 (docs/posthog-api-part3.md §2): two live, one soft-deleted. */
const actions = () => {
	const action = (id, name, steps, extra = {}) => ({
		project_id: 1,
		id,
		name,
		description: '',
		tags: [],
		post_to_slack: false,
		slack_message_format: '',
		steps,
		created_at: '2025-01-10T09:00:00Z',
		created_by: null,
		deleted: false,
		is_calculating: false,
		last_calculated_at: '2025-01-20T00:00:00Z',
		team_id: 1,
		is_action: true,
		bytecode_error: null,
		pinned_at: null,
		creation_context: null,
		user_access_level: 'editor',
		...extra,
	});
	return [
		action(SEED.actionIds.signedUp, 'Signed up', [{ event: 'signed_up', properties: [] }]),
		action(SEED.actionIds.viewedPricing, 'Viewed pricing', [
			{ event: '$pageview', url: '/pricing', url_matching: 'contains', properties: [] },
		]),
		action(SEED.actionIds.oldOnboarding, 'Old onboarding', [{ event: 'onboarded' }], {
			deleted: true,
		}),
	];
};

/** Cohorts of project 1 (docs/posthog-api-part3.md §1): static Beta testers, dynamic Power users, a deleted one. */
const cohorts = () => {
	const cohort = (id, name, extra) => ({
		project_id: 1,
		id,
		name,
		description: '',
		groups: [],
		deleted: false,
		filters: { properties: { type: 'AND', values: [] } },
		query: null,
		is_calculating: false,
		created_by: null,
		created_at: '2025-01-12T10:00:00Z',
		last_calculation: '2025-01-20T00:00:00Z',
		errors_calculating: 0,
		count: null,
		is_static: true,
		members: [],
		...extra,
	});
	return [
		cohort(SEED.cohortIds.betaTesters, 'Beta testers', {
			members: [SEED.personIds.maria, SEED.personIds.tom],
			created_at: '2025-01-14T10:00:00Z',
		}),
		cohort(SEED.cohortIds.powerUsers, 'Power users', {
			is_static: false,
			count: 12,
			filters: {
				properties: {
					type: 'AND',
					values: [{ key: 'plan', value: 'pro', type: 'person', operator: 'exact' }],
				},
			},
			created_at: '2025-01-13T10:00:00Z',
		}),
		cohort(SEED.cohortIds.oldCampaign, 'Old campaign', { deleted: true }),
	];
};

/** Dashboards (docs/posthog-api-part3.md §5): Growth (pinned: two insights and a text), Weekly report, a deleted one. */
const dashboards = () => {
	const at = (x, y) => ({ sm: { x, y, w: 6, h: 5 }, xs: { x: 0, y, w: 1, h: 5 } });
	const dashboard = (id, name, tiles, extra = {}) => ({
		project_id: 1,
		id,
		name,
		description: '',
		pinned: false,
		tags: [],
		deleted: false,
		created_at: '2024-12-02T10:00:00Z',
		created_by: null,
		tiles,
		...extra,
	});
	const ids = SEED.insightIds;
	return [
		dashboard(
			SEED.dashboardIds.growth,
			'Growth',
			[
				{ id: 71, insightId: ids.weeklyActiveUsers, layouts: at(6, 0) },
				{ id: 72, insightId: ids.signupFunnel, layouts: at(0, 0) },
				{ id: 73, text: 'Numbers are for the last 30 days', layouts: at(0, 5) },
			],
			{ pinned: true, tags: ['marketing'] },
		),
		dashboard(SEED.dashboardIds.weeklyReport, 'Weekly report', [
			{ id: 81, insightId: ids.pageviewCount, layouts: at(0, 0) },
		]),
		dashboard(SEED.dashboardIds.deleted, 'Old launch', [], { deleted: true }),
	];
};

/**
 * Error-tracking issues of project 1 (docs/posthog-api-part3.md §4), with the aggregations an
 * `ErrorTrackingQuery` reports; "now" in the tests is March 2025 or later, so `last_seen` is
 * set relative to the emulator's clock by the tests that need a date range.
 */
const errorTrackingIssues = () => {
	const issue = (id, name, description, status, first_seen, last_seen, counts, extra = {}) => ({
		project_id: 1,
		id,
		status,
		name,
		description,
		first_seen,
		last_seen,
		assignee: null,
		fingerprint: `fp-${id.slice(-4)}`,
		external_issues: [],
		cohort: null,
		...counts,
		...extra,
	});
	const ids = SEED.issueIds;
	return [
		issue(
			ids.typeError,
			'TypeError',
			"Cannot read properties of undefined (reading 'plan')",
			'active',
			'2025-02-20T08:00:00Z',
			'2025-02-28T18:00:00Z',
			{ occurrences: 42, users: 17, sessions: 20 },
		),
		issue(
			ids.checkoutTimeout,
			'TimeoutError',
			'Checkout request timed out after 30000 ms',
			'active',
			'2025-02-25T10:00:00Z',
			'2025-02-27T09:00:00Z',
			{ occurrences: 130, users: 9, sessions: 12 },
			{ assignee: { type: 'user', id: SEED.memberIds.grace } },
		),
		issue(
			ids.fixedNullRef,
			'NullReferenceError',
			'user.profile is null',
			'resolved',
			'2025-02-10T10:00:00Z',
			'2025-02-26T10:00:00Z',
			{ occurrences: 5, users: 3, sessions: 3 },
		),
		issue(
			ids.oldWarning,
			'DeprecationWarning',
			'legacy search API',
			'active',
			'2024-12-01T10:00:00Z',
			'2024-12-02T10:00:00Z',
			{ occurrences: 2, users: 1, sessions: 1 },
		),
	];
};

const organizationMembers = () => {
	const member = (id, first_name, last_name, email) => ({
		id: `0193a1b3-c3d4-7e5f-8a6b-${String(id).padStart(12, '0')}`,
		user: { id, uuid: fixedUuid('0193a1b1', id), first_name, last_name, email },
		level: 8,
		joined_at: '2024-10-01T08:00:00Z',
	});
	return [
		member(SEED.memberIds.ada, 'Ada', 'Lovelace', SEED.userEmail),
		member(SEED.memberIds.grace, 'Grace', 'Hopper', 'grace@acme.com'),
	];
};

/** Surveys of project 1 (docs/posthog-api-part3.md §3). */
const surveys = () => {
	const q = SEED.surveyQuestionIds;
	const survey = (id, name, questions, extra) => ({
		project_id: 1,
		id,
		name,
		description: '',
		type: 'popover',
		questions,
		conditions: null,
		appearance: null,
		linked_flag: null,
		targeting_flag: null,
		start_date: null,
		end_date: null,
		archived: false,
		responses_limit: null,
		iteration_count: null,
		created_at: '2025-01-25T10:00:00Z',
		created_by: null,
		...extra,
	});
	return [
		survey(
			SEED.surveyIds.productFeedback,
			'Product feedback',
			[
				{ id: q.improve, type: 'open', question: 'What could we improve?' },
				{
					id: q.features,
					type: 'multiple_choice',
					question: 'Which features do you use?',
					choices: ['Insights', 'Feature flags', 'Surveys'],
				},
			],
			{ start_date: '2025-02-01T00:00:00Z', created_at: '2025-01-30T10:00:00Z' },
		),
		survey(SEED.surveyIds.nps, 'NPS', [
			{ id: q.score, type: 'rating', question: 'How likely are you to recommend us?', scale: 10 },
		]),
		survey(
			SEED.surveyIds.oldPoll,
			'Old poll',
			[{ id: fixedUuid('0194b2c1', 5), type: 'open', question: 'Anything else?' }],
			{ archived: true, start_date: '2025-01-02T00:00:00Z', end_date: '2025-01-09T00:00:00Z' },
		),
	];
};

// Survey events of February 2025 (posthog-js's `survey sent` properties, part 3 §3): Maria's
// response in two parts (one submission), Tom's from an SDK that writes index keys only, Li's
// answering a question removed since; shown and dismissed events; a response to another survey.
// Not in the default state, whose events the HogQL tests count: `addSurveyEvents(state)` adds them.
const surveyEvents = () => {
	const q = SEED.surveyQuestionIds;
	const feedback = SEED.surveyIds.productFeedback;
	let n = 0;
	const row = (event, distinctId, timestamp, properties) => ({
		project_id: 1,
		uuid: fixedUuid('0194b2ce', ++n),
		event,
		distinct_id: distinctId,
		properties: { $lib: 'web', ...properties },
		timestamp,
		captured_at: timestamp,
		elements_chain: '',
	});
	const about = { $survey_id: feedback, $survey_name: 'Product feedback' };
	return [
		row('survey shown', 'li@globex.com', '2025-02-01T11:59:00Z', about),
		row('survey sent', 'li@globex.com', '2025-02-01T12:00:00Z', {
			...about,
			$survey_submission_id: 'sub-li',
			[`$survey_response_${q.heardFrom}`]: 'A friend',
			[`$survey_response_${q.improve}`]: 'More integrations',
			$survey_questions: [
				{ id: q.heardFrom, question: 'How did you hear about us?', response: 'A friend' },
				{ id: q.improve, question: 'What could we improve?', response: 'More integrations' },
			],
			$survey_completed: true,
		}),
		row('survey shown', 'tom@acme.com', '2025-02-02T08:59:00Z', about),
		row('survey sent', 'tom@acme.com', '2025-02-02T09:00:00Z', {
			...about,
			$survey_response: 'Dark mode',
			$survey_response_1: ['Insights'],
		}),
		row('survey shown', 'maria@acme.com', '2025-02-03T09:59:00Z', about),
		row('survey sent', 'maria@acme.com', '2025-02-03T10:00:00Z', {
			...about,
			$survey_submission_id: 'sub-maria',
			[`$survey_response_${q.improve}`]: 'Faster exports',
			$survey_completed: false,
			$survey_partially_completed: true,
		}),
		row('survey sent', 'maria@acme.com', '2025-02-03T10:01:00Z', {
			...about,
			$survey_submission_id: 'sub-maria',
			[`$survey_response_${q.improve}`]: 'Faster exports',
			[`$survey_response_${q.features}`]: ['Insights', 'Feature flags'],
			$survey_completed: true,
		}),
		row('survey shown', 'anon-7c9d', '2025-02-04T10:00:00Z', about),
		row('survey dismissed', 'anon-7c9d', '2025-02-04T10:00:05Z', about),
		row('survey sent', 'dana@initech.com', '2025-01-05T10:00:00Z', {
			$survey_id: SEED.surveyIds.oldPoll,
			$survey_name: 'Old poll',
			$survey_response: 'No',
		}),
	];
};

/**
 * One definition per event name PostHog has seen in a project, as ingestion keeps them
 * (docs/posthog-api-part3.md §6): first and last seen from the events.
 */
function eventDefinitionsOf(eventRows) {
	const byName = new Map();
	for (const { project_id, event, timestamp } of eventRows) {
		const key = `${project_id}:${event}`;
		const row = byName.get(key) ?? {
			project_id,
			id: `0193a1e0-0000-7000-8000-${String(byName.size + 1).padStart(12, '0')}`,
			name: event,
			created_at: timestamp,
			last_seen_at: timestamp,
			last_updated_at: timestamp,
			tags: [],
			is_action: false,
			action_id: null,
			is_calculating: false,
			last_calculated_at: null,
			created_by: null,
			post_to_slack: false,
		};
		if (timestamp < row.created_at) row.created_at = timestamp;
		if (timestamp > row.last_seen_at) row.last_seen_at = row.last_updated_at = timestamp;
		byName.set(key, row);
	}
	return [...byName.values()];
}

/** Adds the survey events to an emulator's state (the survey tests and the sandbox). */
function addSurveyEvents(state) {
	state.events.push(...surveyEvents());
}

module.exports = { SEED, buildSeedState, addSurveyEvents };
