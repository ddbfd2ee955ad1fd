// PostHog lists groups newest first: `created_at DESC, key DESC`, 100 a page, each `next` carrying
// the cursor `{"c": <µs>, "k": <key>}` of the page's last row (docs/posthog-api-part2.md §1.1).
// The emulator's groups/ route lists them oldest first. Until it follows §1.1, this answers
// `GET groups/?group_type_index=N[&cursor=…]` the way PostHog does, with the route's key, scope
// and project checks; anything else (search, group_key, other routes) goes to the emulator.
const auth = require('../emulator/auth');
const { resolveProject } = require('../emulator/models/projects');
const { encodeCursor, decodeCursor } = require('../emulator/models/groupCursor');
const g = require('../emulator/models/groups');
const { parseIsoMicros } = require('../emulator/time');

const LIST = /^\/api\/projects\/([^/]+)\/groups\/$/;
const PAGE_SIZE = 100;

/** Rows strictly after the cursor in newest-first order. */
const afterCursor = ([micros, key]) => (group) => {
	const at = parseIsoMicros(group.created_at);
	return at < micros || (at === micros && group.group_key < key);
};

function listNewestFirst(emu, req, record) {
	const match = req.method === 'GET' ? LIST.exec(record.path) : null;
	const { group_type_index: indexText, cursor, search, group_key: keyFilter } = record.query;
	if (!match || !/^\d+$/.test(indexText ?? '') || search || keyFilter) return undefined;
	const authInfo = auth.authenticate(req, emu.state);
	auth.requireScope(authInfo, 'group:read');
	const project = resolveProject(emu.state, match[1]);
	auth.requireProjectAccess(authInfo, project.id);
	// an unreadable cursor decodes to [0, ''], which PostHog treats as none: page 1 again
	const decoded = cursor ? decodeCursor(cursor) : [0, ''];
	const hasCursor = !(decoded[0] === 0 && decoded[1] === '');
	const matching = g
		.groupsOf(emu.state, project.id)
		.filter((group) => group.group_type_index === Number(indexText))
		.filter(hasCursor ? afterCursor(decoded) : () => true)
		.sort((a, b) => g.compareGroups(b, a));
	const page = matching.slice(0, PAGE_SIZE);
	const last = page[page.length - 1];
	const next =
		matching.length > PAGE_SIZE
			? `http://${req.headers.host}${record.path}?group_type_index=${indexText}&cursor=${encodeCursor(parseIsoMicros(last.created_at), last.group_key)}`
			: null;
	return { status: 200, body: { next, previous: null, results: page.map(g.serializeGroup) } };
}

/** Makes `emu` list groups newest first, also after `emu.reset()`. */
function listGroupsNewestFirst(emu) {
	const install = () => {
		const previous = emu.override;
		emu.override = (req, record) =>
			listNewestFirst(emu, req, record) ?? (previous ? previous(req, record) : undefined);
	};
	install();
	const reset = emu.reset;
	emu.reset = () => {
		reset();
		install();
	};
	return emu;
}

module.exports = { listGroupsNewestFirst };
