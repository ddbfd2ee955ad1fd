// What PostHog receives, for posthog.expectReceived: one builder per endpoint the node calls,
// in project 1 (`inProject` moves a request to another project). Query and body use PostHog's
// own names (query values are strings, as they travel); each request states its body, and
// `body: undefined` means none at all.
const request = (method, path, query = {}, body = undefined) => ({
	method,
	path: `/api/projects/1/${path}`,
	query,
	body,
});
const get = (path, query) => request('GET', path, query);
const post = (path, query, body) => request('POST', path, query, body);

/** The same request, in project `projectId`. */
const inProject = (projectId, { path, ...rest }) => ({
	...rest,
	path: path.replace('/api/projects/1/', `/api/projects/${projectId}/`),
});

const fileSystem = {
	countByPath: (query) => post('file_system/count_by_path/', query),
	unfiled: (query) => get('file_system/unfiled/', query),
	logViews: (query) => get('file_system/log_view/', query),
	logView: (body) => post('file_system/log_view/', {}, body),
	move: (fileId, body) => post(`file_system/${fileId}/move/`, {}, body),
	link: (fileId, body) => post(`file_system/${fileId}/link/`, {}, body),
	undoDelete: (body) => post('file_system/undo_delete/', {}, body),
};

const group = {
	list: (query) => get('groups/', query),
	find: (query) => get('groups/find/', query),
	create: (body) => post('groups/', {}, body),
	updateProperty: (query, body) => post('groups/update_property/', query, body),
	deleteProperty: (query, body) => post('groups/delete_property/', query, body),
	activity: (query) => get('groups/activity/', query),
	related: (query) => get('groups/related/', query),
	propertyValues: (query) => get('groups/property_values/', query),
	/** The legacy route of all group property definitions (404 on current PostHog). */
	propertyDefinitions: () => get('groups/property_definitions/'),
	types: () => get('groups_types/'),
};

const propertyDefinitions = (query) => get('property_definitions/', query);

const insights = {
	/** The look-up of an insight URL's short id. */
	byShortId: (shortId) => get('insights/', { short_id: shortId, basic: 'true' }),
	search: (query) => get('insights/', query),
};

const insightSharing = {
	get: (insightId) => get(`insights/${insightId}/sharing/`),
	refresh: (insightId) => post(`insights/${insightId}/sharing/refresh/`),
	createPassword: (insightId, body) => post(`insights/${insightId}/sharing/passwords/`, {}, body),
	deletePassword: (insightId, passwordId) =>
		request('DELETE', `insights/${insightId}/sharing/passwords/${passwordId}/`),
};

const projects = {
	search: (query) => ({ method: 'GET', path: '/api/projects/', query, body: undefined }),
};

module.exports = {
	fileSystem,
	group,
	propertyDefinitions,
	insights,
	insightSharing,
	projects,
	inProject,
};
