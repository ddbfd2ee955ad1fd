// query → run used by an AI agent as a tool: n8n builds the tool's input schema from the
// `$fromAI()` calls in the node's parameters (n8n-core createNodeAsTool → getSchema), and when the
// agent calls the tool, the node runs with the agent's arguments as its input item, which
// `$fromAI(key)` reads (`json.query[key]`, else `json[key]`: n8n-workflow's workflow-data-proxy).
// This runs that second step through the real engine; the agent itself is not part of the test.
const { NodeHelpers } = require('n8n-workflow');
const {
	getSchema,
} = require('n8n-core/dist/execution-engine/node-execution-context/utils/create-node-as-tool');
const { usePostHog, seedGroups } = require('../helpers/posthog');
const { PostHogManagement } = require('../helpers/builtPackage');
const { query } = require('../helpers/operations');

const posthog = usePostHog();

const QUERY_DESCRIPTION = 'A HogQL SELECT over events, persons, groups or sessions';
const fromAI = (key, description) => `={{ $fromAI('${key}', \`${description}\`, 'string') }}`;
const TOOL_PARAMETERS = query.run({
	query: fromAI('query', QUERY_DESCRIPTION),
	values: { value: [{ name: 'event', value: fromAI('event', 'The event to count') }] },
});
const SIGNUPS =
	'SELECT distinct_id, timestamp FROM events WHERE event = {event} ORDER BY timestamp LIMIT 2';

const toolNode = (parameters) => ({
	id: 'tool',
	name: 'Run HogQL',
	type: 'n8n-nodes-posthog.postHogManagementTool',
	typeVersion: 1,
	position: [0, 0],
	parameters,
});

/**
 * The node's tool variant as n8n makes it (n8n's tool-generation `convertNodeToAiTool`): the
 * name gains `Tool`, and n8n adds no Tool Description of its own since the node declares one.
 */
function toolVariant() {
	const node = new PostHogManagement();
	const description = { ...node.description, name: `${node.description.name}Tool` };
	return Object.create(node, { description: { value: description } });
}

/** The node's parameters as n8n's Workflow completes them with their defaults. */
const withDefaults = (node, nodeType) => ({
	...node,
	parameters: NodeHelpers.getNodeParameters(
		nodeType.description.properties,
		node.parameters,
		true,
		false,
		node,
		nodeType.description,
	),
});

describe('query run as an AI tool', () => {
	beforeEach(() => {
		posthog.time.nowMs += 2 * 3600e3; // out of the previous test's 120-an-hour window
	});

	test('n8n builds the tool from the node: its Tool Description, and the $fromAI keys as its input', () => {
		const nodeType = toolVariant();
		const node = withDefaults(toolNode(TOOL_PARAMETERS), nodeType);

		const description = NodeHelpers.getToolDescriptionForNode(node, nodeType);
		expect(description).toMatch(/^Run a HogQL query \(PostHog’s SQL over ClickHouse\)/);
		for (const fact of [
			'events (event, timestamp',
			'persons (',
			'groups (',
			'sessions (',
			'LIMIT',
			'only 100 rows',
			'LIMIT 50000',
			'120 queries an hour',
		])
			expect(description).toContain(fact);
		const schema = getSchema(node);
		expect(Object.keys(schema.shape).sort()).toEqual(['event', 'query']);
		expect(schema.shape.query.description).toBe(QUERY_DESCRIPTION);
		expect(schema.safeParse({ query: SIGNUPS, event: 'signed_up' }).success).toBe(true);
		expect(schema.safeParse({ event: 'signed_up' }).success).toBe(false);
	});

	test('a Tool Description the user wrote is what the model is told', () => {
		const nodeType = toolVariant();
		const node = withDefaults(
			toolNode({ ...TOOL_PARAMETERS, toolDescription: 'Count signups by day' }),
			nodeType,
		);

		expect(NodeHelpers.getToolDescriptionForNode(node, nodeType)).toBe('Count signups by day');
	});

	test('outside the tool variant the node shows no Tool Description', () => {
		const node = new PostHogManagement();
		const parameters = NodeHelpers.getNodeParameters(
			node.description.properties,
			TOOL_PARAMETERS,
			true,
			false,
			toolNode(TOOL_PARAMETERS),
			node.description,
		);

		expect(parameters).not.toHaveProperty('toolDescription');
	});

	test('as a tool, an error’s message carries its fix, since the agent is given the message only', async () => {
		seedGroups(posthog.emulator.state, { groupTypeIndex: 0, count: 150, prefix: 'many' });
		const parameters = { ...TOOL_PARAMETERS, query: 'SELECT key FROM groups' };

		const asTool = await posthog.run(parameters, {
			nodeType: toolVariant(),
			type: 'n8n-nodes-posthog.postHogManagementTool',
			input: [{ json: { event: 'x' } }],
		});
		const asNode = await posthog.run(parameters, { input: [{ json: { event: 'x' } }] });

		expect(asTool.error.message).toMatch(
			/^PostHog returned only the first 100 rows of this query; it has more\. Without a LIMIT PostHog returns at most 100 rows\. To get them all, end the query with a LIMIT of up to 50,000/,
		);
		expect(asNode.error.message).toBe(
			'PostHog returned only the first 100 rows of this query; it has more',
		);
		expect(asNode.error.description).toMatch(/^Without a LIMIT PostHog returns at most 100 rows/);
	});

	test('the Query field tells a model what HogQL is and which tables it can read, with an example', () => {
		const query = new PostHogManagement().description.properties.find(
			(property) =>
				property.name === 'query' && property.displayOptions?.show?.resource?.includes('query'),
		);

		expect(query.description).toMatch(/^HogQL, PostHog’s SQL dialect over ClickHouse\./);
		for (const table of ['events', 'persons', 'groups', 'sessions'])
			expect(query.description).toContain(`${table} (`);
		expect(query.description).toMatch(/Example: SELECT .+ FROM events .+ LIMIT \d+$/);
		expect(query.typeOptions).toEqual({ editor: 'sqlEditor' });
	});

	test.each([
		['flat', { query: SIGNUPS, event: 'signed_up' }],
		['under `query`', { query: { query: SIGNUPS, event: 'signed_up' } }],
	])(
		'the agent’s arguments (%s) become the query and its placeholder value',
		async (_shape, toolArgs) => {
			const { json, error } = await posthog.run(TOOL_PARAMETERS, { input: [{ json: toolArgs }] });

			expect(error).toBeUndefined();
			posthog.expectReceived([
				{
					method: 'POST',
					path: '/api/projects/1/query/',
					body: {
						query: { kind: 'HogQLQuery', query: SIGNUPS, values: { event: 'signed_up' } },
						refresh: 'blocking',
					},
				},
			]);
			expect(json).toEqual([
				{ distinct_id: 'maria@acme.com', timestamp: '2025-01-15T11:00:00.123456Z' },
				{ distinct_id: 'li@globex.com', timestamp: '2025-01-16T09:15:00Z' },
			]);
		},
	);

	test('a HogQL mistake by the agent comes back as PostHog’s message, which it can act on', async () => {
		const { error } = await posthog.run(TOOL_PARAMETERS, {
			input: [{ json: { query: 'SELECT nme FROM persons', event: 'x' } }],
		});

		expect(error.message).toBe('Unable to resolve field: nme');
		expect(posthog.requests()).toHaveLength(1);
	});
});
