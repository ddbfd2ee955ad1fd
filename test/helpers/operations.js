// The node's parameters for one operation, as a workflow stores them, for every resource and
// operation the built node has:
// group.find({ groupTypeIndex: 0, groupKey: 'acme' })
//   → { resource: 'group', operation: 'find', groupTypeIndex: 0, groupKey: 'acme' }
// An operation the node does not have is undefined, so a typo fails the test that uses it.
const { PostHogManagement } = require('./builtPackage');

const { properties: nodeProperties } = new PostHogManagement().description;
const resources = nodeProperties.find((property) => property.name === 'resource').options;

const operationsOf = (resource) =>
	nodeProperties
		.find(
			(property) =>
				property.name === 'operation' && property.displayOptions.show.resource.includes(resource),
		)
		.options.map((option) => option.value);

const builders = Object.fromEntries(
	resources.map(({ value: resource }) => [
		resource,
		Object.fromEntries(
			operationsOf(resource).map((operation) => [
				operation,
				(parameters = {}) => ({ resource, operation, ...parameters }),
			]),
		),
	]),
);

/** A Properties collection: { name: 'Acme' } → { property: [{ key: 'name', value: 'Acme' }] }. */
const properties = (values) => ({
	property: Object.entries(values).map(([key, value]) => ({ key, value })),
});

module.exports = { ...builders, properties };
