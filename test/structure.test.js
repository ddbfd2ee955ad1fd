// Checks the node description itself: the public names users' saved workflows store (as a
// reviewed snapshot: `npx jest -u` after a deliberate change, and read the diff), n8n's UI
// conventions, and that every request passes the shared hooks.
const { PostHogManagement, PostHogPollTrigger, PostHogTrigger } = require('./helpers/builtPackage');
const { DEFAULT_REQUEST_POLICY } = require('../dist/nodes/PostHog/transport/requestPolicy.js');

const { description } = new PostHogManagement();
const { properties } = description;
const resourceSelector = properties.find((property) => property.name === 'resource');
const resources = resourceSelector.options.map((option) => option.value);

function operationSelectorOf(resource) {
	return properties.find(
		(property) =>
			property.name === 'operation' && property.displayOptions.show.resource.includes(resource),
	);
}

const operations = resources.flatMap((resource) =>
	operationSelectorOf(resource).options.map((option) => ({
		resource,
		operation: option.value,
		option,
	})),
);

function isShown(property, parameters) {
	const { show = {}, hide = {} } = property.displayOptions ?? {};
	const shown = Object.entries(show).every(([name, values]) => values.includes(parameters[name]));
	const hidden = Object.entries(hide).some(([name, values]) => values.includes(parameters[name]));
	return shown && !hidden;
}

/** The parameters an operation shows (with Related To on group and Return All off). */
function shownFor(resource, operation, extra = {}) {
	return properties.filter((property) =>
		isShown(property, { resource, operation, relatedTo: 'group', returnAll: false, ...extra }),
	);
}

/** Parameter names, with a collection's own option names: `filters.search`. */
function parameterNames(property) {
	if (property.type === 'collection')
		return property.options.map((option) => `${property.name}.${option.name}`);
	if (property.type === 'fixedCollection') {
		return property.options.flatMap((option) =>
			option.values.map((value) => `${property.name}.${option.name}.${value.name}`),
		);
	}
	return [property.name];
}

test('the public contract: resources, operations, their requests and parameter names', () => {
	const contract = {};
	for (const { resource, operation, option } of operations) {
		const { method, url } = option.routing.request;
		contract[`${resource}.${operation}`] = {
			request: `${method} ${url}`,
			parameters: shownFor(resource, operation).flatMap(parameterNames),
		};
	}
	expect({
		node: description.name,
		credentials: description.credentials,
		contract,
	}).toMatchSnapshot();
});

describe('n8n UI conventions', () => {
	test('resources and each resource’s operations are sorted by name, without data expressions', () => {
		for (const selector of [resourceSelector, ...resources.map(operationSelectorOf)]) {
			expect(selector.noDataExpression).toBe(true);
			const names = selector.options.map((option) => option.name);
			expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		}
	});

	test.each(
		operations.map(({ resource, operation, option }) => [`${resource}.${operation}`, option]),
	)(
		'%s has an action, a description and a path under /api/projects/{projectId}/ ending in /',
		(_name, option) => {
			expect(option.action).toEqual(expect.any(String));
			expect(option.description).toEqual(expect.any(String));
			expect(option.routing.request.url).toMatch(/^\/api\/projects\/\{projectId\}\/.*\/$/);
		},
	);

	test('booleans start with "Whether", options inside collections too', () => {
		const all = properties.flatMap((property) => [
			property,
			...(property.type === 'collection' ? property.options : []),
		]);
		for (const property of all.filter((p) => p.type === 'boolean'))
			expect(property.description).toMatch(/^Whether /);
	});

	test('every operation shows each parameter once, and the request Options (retries, pacing)', () => {
		for (const { resource, operation } of operations) {
			const names = shownFor(resource, operation).map((property) => property.name);
			expect({ operation, names }).toEqual({ operation, names: [...new Set(names)] });
			const options = shownFor(resource, operation).find((property) => property.name === 'options');
			const defaults = Object.fromEntries(
				options.options
					.filter((option) => option.name in DEFAULT_REQUEST_POLICY)
					.map((o) => [o.name, o.default]),
			);
			expect({ operation, defaults }).toEqual({ operation, defaults: DEFAULT_REQUEST_POLICY });
		}
	});

	test('every parameter’s displayOptions name real resources, and operations one of them has', () => {
		// a field shared across resources names each resource and each operation once: n8n shows it
		// for every pair of them, so a pair may be one the node does not have
		const known = new Set(operations.map(({ resource, operation }) => `${resource}.${operation}`));
		const resources = new Set(operations.map(({ resource }) => resource));
		for (const property of properties) {
			const show = property.displayOptions?.show;
			if (!show?.operation) continue;
			expect({
				parameter: property.name,
				resources: show.resource.filter((resource) => resources.has(resource)),
				operations: show.operation.filter((operation) =>
					show.resource.some((resource) => known.has(`${resource}.${operation}`)),
				),
			}).toEqual({
				parameter: property.name,
				resources: show.resource,
				operations: show.operation,
			});
		}
	});

	test('a field several operations declare alike is one parameter, so n8n resolves it once per item', () => {
		const seen = new Map();
		for (const property of properties) {
			const { operation: _operation, ...show } = property.displayOptions?.show ?? {};
			const key = JSON.stringify({
				...property,
				displayOptions: { ...property.displayOptions, show },
			});
			expect(seen.has(key) ? `${property.name} declared twice alike` : 'once').toBe('once');
			seen.set(key, true);
		}
	});

	test('Group Key and Group Type are declared once, Get Related’s hide included: an expression in either is evaluated once a walk', () => {
		for (const name of ['groupKey', 'groupTypeIndex']) {
			const declared = properties.filter((property) => property.name === name);
			expect(declared.map((property) => property.displayOptions.hide)).toEqual([
				{ relatedTo: ['person'] },
			]);
			expect(shownFor('group', 'getRelated', { relatedTo: 'person' })).not.toContain(declared[0]);
			expect(shownFor('group', 'find')).toContain(declared[0]);
		}
	});
});

test('every request passes the request seam and the shared hooks on the Resource parameter', () => {
	expect(description.requestOperations.pagination.name).toBe('sendRoutedRequest');
	expect(resourceSelector.routing.send.paginate).toBe(true);
	expect(resourceSelector.displayOptions).toBeUndefined();
	expect(resourceSelector.routing.output.postReceive.map((fn) => fn.name)).toEqual([
		'throwOnPostHogError',
		'responseToItems',
	]);
	expect(description.requestDefaults.ignoreHttpStatusErrors).toBe(true);
});

test('an operation that takes over its request says why: it pages, or it sends its own requests', () => {
	const declared = operations
		.filter(({ option }) => option.routing.operations)
		.map(({ resource, operation, option }) => ({
			operation: `${resource}.${operation}`,
			hooks: Object.keys(option.routing.operations),
			declaredAs: option.routing.operations.pagination.name.replace(/\(\w+\)$/, ''),
			showsReturnAll: shownFor(resource, operation).some(
				(property) => property.name === 'returnAll',
			),
		}));
	expect(declared.length).toBeGreaterThan(0);
	for (const entry of declared) {
		expect(entry).toEqual({
			...entry,
			hooks: ['pagination'],
			declaredAs: expect.stringMatching(/^(pagedBy|sendsOwnRequests)$/),
		});
		// "pagination" means paging: only a list (Return All / Limit) is paged.
		if (entry.declaredAs === 'pagedBy') expect(entry).toEqual({ ...entry, showsReturnAll: true });
	}
});

describe('the node as an AI agent’s tool', () => {
	const toolDescriptions = properties.filter((property) => property.name === 'toolDescription');
	const toolDescriptionOf = (resource, operation) =>
		toolDescriptions.find(
			({ displayOptions: { show } }) =>
				show.resource.includes(resource) && show.operation.includes(operation),
		)?.default;

	test('every operation tells a model what it does, in its tool variant only', () => {
		for (const { resource, operation } of operations) {
			const text = toolDescriptionOf(resource, operation);
			expect({ operation: `${resource}.${operation}`, long: text?.length > 60 }).toEqual({
				operation: `${resource}.${operation}`,
				long: true,
			});
		}
		for (const { displayOptions } of toolDescriptions)
			expect(displayOptions.show['@tool']).toEqual([true]);
	});

	test.each([
		['cohort', 'delete'],
		['featureFlag', 'delete'],
		['featureFlag', 'update'],
		['insight', 'delete'],
		['insightSharing', 'refresh'],
		['person', 'bulkDelete'],
		['person', 'delete'],
	])(
		'%s.%s says it cannot be undone or changes who sees what, and asks for a human review',
		(resource, operation) => {
			expect(toolDescriptionOf(resource, operation)).toMatch(/put a human review before/i);
		},
	);
});

describe('trigger nodes', () => {
	test('have the contract’s names, the shared credential and their own icons', () => {
		const instant = new PostHogTrigger().description;
		const polling = new PostHogPollTrigger().description;
		expect([instant.name, polling.name]).toEqual(['postHogTrigger', 'postHogPollTrigger']);
		for (const trigger of [instant, polling]) {
			expect(trigger.credentials).toEqual([{ name: 'postHogManagementApi', required: true }]);
			expect(trigger.icon.light).not.toBe(trigger.icon.dark);
		}
		expect(instant.webhooks).toEqual([
			expect.objectContaining({ name: 'default', httpMethod: 'POST' }),
		]);
		expect(polling.polling).toBe(true);
	});

	test('keep the contract’s parameters', () => {
		const names = (description) => description.properties.map((property) => property.name);
		expect(names(new PostHogTrigger().description)).toEqual(
			expect.arrayContaining(['projectId', 'eventNames']),
		);
		const polling = new PostHogPollTrigger().description;
		expect(names(polling)).toEqual(
			expect.arrayContaining(['event', 'projectId', 'groupTypeIndex']),
		);
		const event = polling.properties.find((property) => property.name === 'event');
		expect(event.options.map((option) => option.value).sort()).toEqual(['newGroup', 'newPerson']);
		const eventNames = new PostHogTrigger().description.properties.find(
			(p) => p.name === 'eventNames',
		);
		expect(eventNames.typeOptions.multipleValues).toBe(true);
	});

	test('the instant trigger’s Listen For: event by default, each kind’s fields shown for it only', () => {
		const { properties } = new PostHogTrigger().description;
		const triggerOn = properties.find((p) => p.name === 'triggerOn');
		expect(triggerOn).toMatchObject({ type: 'options', default: 'event', noDataExpression: true });
		const optionNames = triggerOn.options.map((o) => o.name);
		expect(optionNames).toEqual([...optionNames].sort((a, b) => a.localeCompare(b)));
		const shownFor = (value) =>
			properties
				.filter((p) => p.displayOptions?.show?.triggerOn?.includes(value))
				.map((p) => `${p.name}:${p.type}`);
		expect(Object.fromEntries(triggerOn.options.map((o) => [o.value, shownFor(o.value)]))).toEqual({
			action: ['actionId:resourceLocator'],
			activity: ['activityScopes:multiOptions', 'activityTypes:multiOptions'],
			errorTrackingIssue: ['issueEvents:multiOptions'],
			event: ['eventNamesFromList:multiOptions', 'eventNames:string'],
			insightAlert: ['alertId:resourceLocator', 'alertNotice:notice'],
			surveyResponse: ['surveyId:resourceLocator'],
		});
		const options = (name) => properties.find((p) => p.name === name).options.map((o) => o.value);
		expect(options('issueEvents')).toEqual(['created', 'reopened', 'spiking']);
		expect(properties.find((p) => p.name === 'issueEvents').default).toEqual(['created']);
		expect(options('activityTypes')).toEqual(['created', 'deleted', 'updated']);
		expect(options('activityScopes')).toEqual(
			expect.arrayContaining([
				'FeatureFlag',
				'Insight',
				'Cohort',
				'Dashboard',
				'Experiment',
				'Survey',
				'Action',
				'ErrorTrackingIssue',
			]),
		);
		for (const name of ['actionId', 'alertId', 'surveyId']) {
			const modes = properties.find((p) => p.name === name).modes.map((m) => m.name);
			expect(modes).toEqual(['list', 'id']);
		}
	});
});
