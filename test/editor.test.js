// What the editor shows of the built nodes, where n8n's editor rules decide it: the canvas
// subtitle (evaluated by n8n-workflow as the editor does), the nodes panel's listing of the
// triggers (its rules, from editor-ui 2.40.7, docs/n8n-notes.md §8), mode hints and defaults.
// The browser test (test/e2e/editor.browser.js) sees the same in a real editor.
const { Workflow } = require('n8n-workflow');
const { PostHogManagement, PostHogPollTrigger, PostHogTrigger } = require('./helpers/builtPackage');

const management = new PostHogManagement();
const { properties } = management.description;

/** A node's canvas subtitle for `parameters`, as n8n-workflow evaluates it in the editor. */
function subtitleOf(nodeType, type, parameters) {
	const node = { id: '1', name: 'Node', type, typeVersion: 1, position: [0, 0], parameters };
	const nodeTypes = { getByName: () => nodeType, getByNameAndVersion: () => nodeType };
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	return workflow.expression.getSimpleParameterValue(
		node,
		nodeType.description.subtitle,
		'internal',
		{},
	);
}

const subtitle = (parameters) =>
	subtitleOf(management, 'n8n-nodes-posthog.postHogManagement', parameters);
const triggerSubtitle = (parameters) =>
	subtitleOf(new PostHogTrigger(), 'n8n-nodes-posthog.postHogTrigger', parameters);

describe('the instant trigger’s subtitle', () => {
	test('a 0.2 workflow (no Listen For) shows its event names, as in 0.2', () => {
		expect(triggerSubtitle({ eventNames: ['signup_failed', 'payment_failed'] })).toBe(
			'signup_failed, payment_failed',
		);
	});

	test('Event shows the picked and the typed names; another kind shows what it listens for', () => {
		expect(
			triggerSubtitle({
				triggerOn: 'event',
				eventNamesFromList: ['$pageview'],
				eventNames: ['signup_failed'],
			}),
		).toBe('$pageview, signup_failed');
		const kinds = new PostHogTrigger().description.properties.find((p) => p.name === 'triggerOn');
		for (const option of kinds.options.filter((o) => o.value !== 'event'))
			expect(triggerSubtitle({ triggerOn: option.value })).toBe(option.name);
	});
});

describe('canvas subtitle', () => {
	test.each([
		['group', 'getAll', 'Get many groups'],
		['fileSystem', 'fileUnfiled', 'File unfiled items'],
		['featureFlag', 'update', 'Update a feature flag'],
		['query', 'run', 'Run a HogQL query'],
	])('%s → %s reads as its action', (resource, operation, action) => {
		expect(subtitle({ resource, operation })).toBe(action);
	});

	test('every operation has its action as subtitle, never the stored names', () => {
		const selectors = properties.filter((p) => p.name === 'operation');
		expect(selectors.length).toBeGreaterThan(5);
		for (const selector of selectors) {
			const [resource] = selector.displayOptions.show.resource;
			for (const option of selector.options) {
				expect(subtitle({ resource, operation: option.value })).toBe(option.action);
			}
		}
	});
});

// n8n's node creator (useActionsGeneration.ts, NodeItem.vue): a trigger whose display name has
// "Trigger" and that has a property displayed as "Event", "Events" or "Trigger On" gets one
// action per option; with more than one action it is listed without "Trigger" in its name and
// without the trigger mark. A trigger pairs with an action node only when its type name minus
// "Trigger" is that node's type name.
const EVENT_FIELD_NAMES = ['event', 'events', 'trigger on'];
function nodesPanelListing(description) {
	const eventField = description.properties.find((p) =>
		EVENT_FIELD_NAMES.includes(p.displayName?.toLowerCase()),
	);
	const actions = eventField?.options?.filter((o) => !['*', '', ' '].includes(o.name)) ?? [];
	const hasActions = actions.length > 1;
	return {
		name: hasActions ? description.displayName.replace('Trigger', '') : description.displayName,
		triggerMark: description.group.includes('trigger') && !hasActions,
	};
}

describe('nodes panel', () => {
	test.each([
		['PostHog Trigger', new PostHogTrigger().description],
		['PostHog Poll Trigger', new PostHogPollTrigger().description],
	])('%s is listed under its name, with the trigger mark', (name, description) => {
		expect(nodesPanelListing(description)).toEqual({ name, triggerMark: true });
	});

	test('the rule reproduces n8n: a trigger with a "Trigger On" choice loses both', () => {
		const description = {
			displayName: 'Acme Trigger',
			group: ['trigger'],
			properties: [{ displayName: 'Trigger On', options: [{ name: 'A' }, { name: 'B' }] }],
		};
		expect(nodesPanelListing(description)).toEqual({ name: 'Acme ', triggerMark: false });
	});

	test('the triggers are not paired with the action node, nor with n8n’s PostHog node', () => {
		const pairOf = (trigger) =>
			`n8n-nodes-posthog.${trigger.description.name}`.replace('Trigger', '');
		expect([new PostHogTrigger(), new PostHogPollTrigger()].map(pairOf)).toEqual([
			'n8n-nodes-posthog.postHog',
			'n8n-nodes-posthog.postHogPoll',
		]);
		expect(management.description.name).toBe('postHogManagement');
	});
});

describe('fields', () => {
	const locator = (name) => properties.find((p) => p.name === name);

	test('the feature flag’s key hint shows in By Key mode only', () => {
		const flag = locator('featureFlagId');
		expect(flag.hint).toBeUndefined();
		expect(flag.modes.filter((mode) => mode.hint).map((mode) => mode.name)).toEqual(['key']);
	});

	test('each Person mode has its own hint, and a label that fits n8n’s mode selector', () => {
		const person = locator('personId');
		expect(person.hint).toBeUndefined();
		expect(person.modes.map((mode) => [mode.name, mode.displayName])).toEqual([
			['id', 'By ID'],
			['distinctId', 'Distinct'],
			['url', 'By URL'],
		]);
		expect(person.modes.every((mode) => mode.hint)).toBe(true);
		expect(person.modes.find((mode) => mode.name === 'url').hint).toContain(
			'…/project/ID/person/DISTINCT_ID',
		);
	});

	test('Query → Run starts with a query that has a LIMIT', () => {
		const query = properties.find(
			(p) => p.name === 'query' && p.displayOptions.show.resource.includes('query'),
		);
		expect(query.default).toMatch(/^SELECT [\s\S]+\nFROM events\n[\s\S]+\nLIMIT 20$/);
	});
});
