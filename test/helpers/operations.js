// The node's parameters for one operation, as a workflow stores them:
// group.find({ groupTypeIndex: 0, groupKey: 'acme' })
//   → { resource: 'group', operation: 'find', groupTypeIndex: 0, groupKey: 'acme' }
function resource(name, operations) {
	return Object.fromEntries(
		operations.map((operation) => [
			operation,
			(parameters = {}) => ({ resource: name, operation, ...parameters }),
		]),
	);
}

const fileSystem = resource('fileSystem', [
	'countByPath',
	'fileUnfiled',
	'getLogViews',
	'link',
	'logView',
	'move',
	'undoDelete',
]);

const group = resource('group', [
	'create',
	'deleteProperty',
	'find',
	'getActivity',
	'getAll',
	'getPropertyDefinitions',
	'getPropertyValues',
	'getRelated',
	'updateProperty',
]);

const insightSharing = resource('insightSharing', [
	'createPassword',
	'deletePassword',
	'get',
	'refresh',
]);

/** A Properties collection: { name: 'Acme' } → { property: [{ key: 'name', value: 'Acme' }] }. */
const properties = (values) => ({
	property: Object.entries(values).map(([key, value]) => ({ key, value })),
});

module.exports = { fileSystem, group, insightSharing, properties };
