// Checks the node description itself: the contract's names, n8n's UI conventions, and that every
// operation's routing goes through the shared request hooks.
const { PostHogManagement } = require('./helpers/builtPackage');

const { description } = new PostHogManagement();
const properties = description.properties;

// The public contract (shared docs, contract.md): users' saved workflows store these names.
const CONTRACT = {
	fileSystem: {
		link: ['fileId', 'newPath'],
		move: ['fileId', 'newPath'],
		countByPath: ['path'],
		getLogViews: ['returnAll', 'limit', 'filters'],
		logView: ['type', 'ref', 'additionalFields'],
		undoDelete: ['items'],
		fileUnfiled: ['filters'],
	},
	group: {
		getAll: ['groupTypeIndex', 'returnAll', 'limit', 'filters'],
		create: ['groupTypeIndex', 'groupKey', 'properties'],
		find: ['groupTypeIndex', 'groupKey'],
		getActivity: ['groupTypeIndex', 'groupKey', 'returnAll', 'limit'],
		updateProperty: ['groupTypeIndex', 'groupKey', 'properties'],
		deleteProperty: ['groupTypeIndex', 'groupKey', 'propertyName'],
		getPropertyDefinitions: [],
		getPropertyValues: ['groupTypeIndex', 'propertyName', 'filters'],
		getRelated: ['relatedTo', 'groupTypeIndex', 'groupKey'],
	},
	insightSharing: {
		get: ['insightId'],
		createPassword: ['insightId', 'additionalFields'],
		deletePassword: ['insightId', 'passwordId'],
		refresh: ['insightId'],
	},
};

function operationsOf(resource) {
	return properties.find(
		(property) => property.name === 'operation' && property.displayOptions.show.resource.includes(resource),
	);
}

function isShown(property, parameters) {
	const { show = {}, hide = {} } = property.displayOptions ?? {};
	const shown = Object.entries(show).every(([name, values]) => values.includes(parameters[name]));
	const hidden = Object.entries(hide).some(([name, values]) => values.includes(parameters[name]));
	return shown && !hidden;
}

describe('node description', () => {
	test('has the contract’s node name, credential and resources', () => {
		expect(description.name).toBe('postHogManagement');
		expect(description.displayName).not.toBe('PostHog');
		expect(description.credentials).toEqual([{ name: 'postHogManagementApi', required: true }]);
		expect(description.usableAsTool).toBe(true);
		const resource = properties.find((property) => property.name === 'resource');
		expect(resource.noDataExpression).toBe(true);
		expect(resource.options.map((option) => option.value).sort()).toEqual(Object.keys(CONTRACT).sort());
	});

	describe.each(Object.keys(CONTRACT))('resource %s', (resource) => {
		const operations = operationsOf(resource);

		test('has exactly the contract’s operations, sorted by name, each with an action and a description', () => {
			expect(operations.noDataExpression).toBe(true);
			expect(operations.options.map((option) => option.value).sort()).toEqual(Object.keys(CONTRACT[resource]).sort());
			const names = operations.options.map((option) => option.name);
			expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
			for (const option of operations.options) {
				expect(option.action).toEqual(expect.any(String));
				expect(option.description).toEqual(expect.any(String));
			}
		});

		test.each(Object.entries(CONTRACT[resource]))('operation %s shows the contract’s parameters', (operation, names) => {
			const shown = properties
				.filter((property) => isShown(property, { resource, operation, relatedTo: 'group', returnAll: false }))
				.map((property) => property.name);
			expect(shown).toEqual(expect.arrayContaining(['projectId', ...names]));
		});

		test.each(Object.keys(CONTRACT[resource]))('operation %s has a path under /api/projects/{projectId}/ ending in /', (operation) => {
			const { routing } = operations.options.find((option) => option.value === operation);
			expect(routing.request.url).toMatch(/^\/api\/projects\/\{projectId\}\/.*\/$/);
		});
	});

	test('every parameter’s displayOptions name a real resource and operation', () => {
		const resources = Object.keys(CONTRACT);
		for (const property of properties) {
			const show = property.displayOptions?.show;
			if (!show) continue;
			for (const resource of show.resource ?? []) expect(resources).toContain(resource);
			for (const operation of show.operation ?? []) {
				const known = (show.resource ?? resources).some((resource) => operation in CONTRACT[resource]);
				expect({ parameter: property.name, operation, known }).toEqual({ parameter: property.name, operation, known: true });
			}
		}
	});

	test('every request passes the shared hooks: path placeholders, then the error check first', () => {
		const hooks = properties[0];
		expect(hooks.type).toBe('hidden');
		expect(hooks.displayOptions).toBeUndefined();
		expect(hooks.routing.send.preSend.map((fn) => fn.name)).toEqual(['resolvePathParameters']);
		expect(hooks.routing.output.postReceive.map((fn) => fn.name)).toEqual(['throwOnPostHogError', 'responseToItems']);
		expect(description.requestDefaults.ignoreHttpStatusErrors).toBe(true);
	});

	test('booleans start with "Whether", and each parameter is declared once per operation', () => {
		for (const property of properties.filter((p) => p.type === 'boolean')) {
			expect(property.description).toMatch(/^Whether /);
		}
		for (const resource of Object.keys(CONTRACT)) {
			for (const operation of Object.keys(CONTRACT[resource])) {
				const shown = properties
					.filter((property) => isShown(property, { resource, operation, relatedTo: 'group', returnAll: false }))
					.map((property) => property.name);
				expect(shown).toEqual([...new Set(shown)]);
			}
		}
	});
});

test('the Options defaults are the retry policy used when an option is not added', () => {
	const { DEFAULT_RETRY_POLICY } = require('../dist/nodes/PostHogManagement/shared/retry.js');
	const options = properties.find((property) => property.name === 'options');
	const defaults = Object.fromEntries(options.options.map((option) => [option.name, option.default]));
	expect(defaults).toEqual(DEFAULT_RETRY_POLICY);
	expect(description.requestOperations.pagination.name).toBe('sendWithRetries');
	expect(properties[0].routing.send.paginate).toBe(true);
});
