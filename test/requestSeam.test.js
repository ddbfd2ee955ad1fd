// Every request the node makes passes the request seam (shared/transport.ts), so every one of
// them gets the retry rules. Each operation runs once against a PostHog that answers the first
// attempt of EVERY distinct request with a 429; an operation, pager, look-up or dropdown that
// sent a request around the seam would fail here. A new operation needs a sample below.
const { usePostHog, locator, SEED } = require('./helpers/posthog');
const { PostHogManagement } = require('./helpers/builtPackage');
const faults = require('./emulator/faults');
const builders = require('./helpers/operations');

const posthog = usePostHog();

const fileId = SEED.fileIds.signupFunnel;
const insightByUrl = locator(
	'url',
	`https://us.posthog.com/project/1/insights/${SEED.insightShortIds.signupFunnel}`,
);
const property = (key, value) => ({ property: [{ key, value }] });

/** Parameters that make each operation succeed against the seeded emulator. */
const SAMPLES = {
	'action.get': { actionId: locator('id', SEED.actionIds.signedUp) },
	'action.getAll': { returnAll: true },
	'annotation.create': { content: 'Seam deploy' },
	'annotation.delete': { annotationId: SEED.annotationIds.deploy142 },
	'annotation.getAll': { returnAll: true },
	'annotation.update': {
		annotationId: SEED.annotationIds.deploy142,
		updateFields: { content: 'x' },
	},
	'cohort.addPersons': {
		cohortId: locator('id', SEED.cohortIds.betaTesters),
		personIds: SEED.personIds.li,
	},
	'cohort.create': { name: 'Seam cohort', additionalFields: { personIds: SEED.personIds.li } },
	'cohort.delete': { cohortId: locator('id', SEED.cohortIds.betaTesters) },
	'cohort.get': { cohortId: locator('id', SEED.cohortIds.betaTesters) },
	'cohort.getAll': { returnAll: true },
	'cohort.getPersons': { cohortId: locator('id', SEED.cohortIds.betaTesters), returnAll: true },
	'cohort.removePerson': {
		cohortId: locator('id', SEED.cohortIds.betaTesters),
		personId: locator('id', SEED.personIds.tom),
	},
	'eventDefinition.getAll': { returnAll: true },
	'featureFlag.create': { key: 'seam-flag' },
	'featureFlag.delete': { featureFlagId: locator('key', 'beta') },
	'featureFlag.get': { featureFlagId: locator('key', 'beta') },
	'featureFlag.getAll': { returnAll: true },
	'featureFlag.update': {
		featureFlagId: locator('key', 'beta'),
		updateFields: { rolloutPercentage: 40 },
	},
	'fileSystem.countByPath': { path: 'Marketing' },
	'fileSystem.fileUnfiled': {},
	'fileSystem.getLogViews': { returnAll: true },
	'fileSystem.link': { fileId, newPath: 'Shortcuts/Signup funnel' },
	'fileSystem.logView': { type: 'insight', ref: SEED.insightShortIds.signupFunnel },
	'fileSystem.move': { fileId, newPath: 'Marketing/Renamed funnel' },
	'fileSystem.undoDelete': {
		items: { item: [{ type: 'insight', ref: SEED.insightShortIds.oldRetention }] },
	},
	'group.create': { groupTypeIndex: 0, groupKey: 'seam-co', properties: property('plan', 'pro') },
	'group.deleteProperty': { groupTypeIndex: 0, groupKey: 'acme', propertyName: 'industry' },
	'group.find': { groupTypeIndex: 0, groupKey: 'acme' },
	'group.getActivity': { groupTypeIndex: 0, groupKey: 'acme', returnAll: true },
	'group.getAll': { groupTypeIndex: 0, returnAll: true },
	'group.getPropertyDefinitions': {},
	'group.getPropertyValues': { groupTypeIndex: 0, propertyName: 'industry' },
	'group.getRelated': { relatedTo: 'group', groupTypeIndex: 0, groupKey: 'acme' },
	'group.updateProperty': {
		groupTypeIndex: 0,
		groupKey: 'acme',
		properties: {
			property: [
				{ key: 'plan', value: 'pro' },
				{ key: 'seats', value: '12' },
			],
		},
	},
	'group.upsert': { groupTypeIndex: 0, groupKey: 'acme', properties: property('plan', 'pro') },
	'insight.create': {
		name: 'Seam insight',
		hogQl: 'SELECT event, count() FROM events GROUP BY event',
	},
	'insight.delete': { insightId: insightByUrl },
	'insight.get': { insightId: insightByUrl },
	'insight.getAll': { returnAll: true },
	'insight.update': { insightId: insightByUrl, updateFields: { name: 'Seam insight' } },
	'insightSharing.createPassword': { insightId: insightByUrl, additionalFields: { note: 'seam' } },
	'insightSharing.deletePassword': {
		insightId: insightByUrl,
		passwordId: SEED.sharing.passwordIds.boardMembers,
	},
	'insightSharing.get': { insightId: insightByUrl },
	'insightSharing.refresh': { insightId: insightByUrl },
	'person.bulkDelete': { personIds: SEED.personIds.tom },
	'person.delete': {
		personId: locator('distinctId', 'maria@acme.com'),
		options: { deleteEvents: true },
	},
	'person.deleteProperty': {
		personId: locator('distinctId', 'maria@acme.com'),
		propertyName: 'name',
	},
	'person.get': {
		personId: locator('url', 'https://us.posthog.com/project/1/person/maria%40acme.com'),
	},
	'person.getAll': { returnAll: true, filters: { search: 'acme.com' } },
	'person.setProperties': {
		personId: locator('distinctId', 'maria@acme.com'),
		properties: property('plan', 'pro'),
	},
	'query.run': { query: 'SELECT event, count() FROM events GROUP BY event' },
	'dashboard.get': { dashboardId: locator('id', SEED.dashboardIds.growth) },
	'dashboard.getAll': { returnAll: true },
	'dashboard.runInsights': { dashboardId: locator('id', SEED.dashboardIds.growth) },
	'errorTrackingIssue.assign': {
		issueId: locator('id', SEED.issueIds.typeError),
		assignee: String(SEED.memberIds.grace),
	},
	'errorTrackingIssue.get': { issueId: locator('id', SEED.issueIds.typeError) },
	'errorTrackingIssue.getAll': {
		returnAll: true,
		filters: { status: 'all', dateFrom: '2024-01-01' },
	},
	'errorTrackingIssue.update': {
		issueId: locator('id', SEED.issueIds.typeError),
		updateFields: { status: 'resolved' },
	},
	'survey.archive': { surveyId: locator('id', SEED.surveyIds.productFeedback) },
	'survey.get': { surveyId: locator('id', SEED.surveyIds.productFeedback) },
	'survey.getAll': { returnAll: true },
	'survey.getResponses': {
		surveyId: locator('id', SEED.surveyIds.productFeedback),
		returnAll: true,
	},
	'survey.getStats': { surveyId: locator('id', SEED.surveyIds.productFeedback) },
	'survey.launch': { surveyId: locator('id', SEED.surveyIds.nps) },
	'survey.stop': { surveyId: locator('id', SEED.surveyIds.productFeedback) },
};

const requestKey = (record) => `${record.method} ${record.path} ${JSON.stringify(record.query)}`;

/** A 429 for the first attempt of every distinct request; then PostHog answers normally. */
function throttleEveryFirstAttempt() {
	const seen = new Set();
	return faults.always(faults.rateLimited({ seconds: 1 }), (record) => {
		const first = !seen.has(requestKey(record));
		seen.add(requestKey(record));
		return first;
	});
}

/** Every distinct request was throttled once and then answered: it went through the retries. */
function expectEveryRequestRetried() {
	const attempts = new Map();
	for (const record of posthog.requests()) {
		attempts.set(requestKey(record), [...(attempts.get(requestKey(record)) ?? []), record.status]);
	}
	expect(attempts.size).toBeGreaterThan(0);
	for (const [request, statuses] of attempts) {
		expect({ request, statuses: statuses.slice(0, 2) }).toEqual({
			request,
			statuses: [429, expect.any(Number)],
		});
		expect({ request, answered: statuses[1] < 400 }).toEqual({ request, answered: true });
	}
}

const operations = (() => {
	const { properties } = new PostHogManagement().description;
	return properties
		.filter((property) => property.name === 'operation')
		.flatMap((selector) =>
			selector.options.map(
				(option) => `${selector.displayOptions.show.resource[0]}.${option.value}`,
			),
		);
})();

test.each(operations)('%s sends every request through the seam', async (name) => {
	const [resource, operation] = name.split('.');
	expect({ operation: name, hasSample: name in SAMPLES }).toEqual({
		operation: name,
		hasSample: true,
	});
	posthog.emulator.override = throttleEveryFirstAttempt();

	const { error } = await posthog.run(builders[resource][operation](SAMPLES[name]));

	expect(error).toBeUndefined();
	expectEveryRequestRetried();
});

test.each([
	['listSearch', 'searchProjects', {}, null],
	['listSearch', 'searchInsights', {}, null],
	['listSearch', 'searchFeatureFlags', {}, null],
	['listSearch', 'searchActions', {}, null],
	['listSearch', 'searchCohorts', {}, null],
	['listSearch', 'searchSurveys', {}, null],
	['listSearch', 'searchErrorTrackingIssues', {}, null],
	['listSearch', 'searchDashboards', {}, null],
	['loadOptions', 'getOrganizationMembers', {}, null],
	['loadOptions', 'getGroupTypes', {}, null],
	// the instant trigger's own
	['listSearch', 'searchAlerts', {}, 'PostHogTrigger'],
	['loadOptions', 'getEventNames', {}, 'PostHogTrigger'],
])(
	'the %s method %s sends its request through the seam',
	async (kind, method, parameters, node) => {
		posthog.emulator.override = throttleEveryFirstAttempt();

		const nodeType = node ? new (require('./helpers/builtPackage')[node])() : undefined;
		await posthog.callMethod(kind, method, parameters, [], { nodeType });

		expectEveryRequestRetried();
	},
);
