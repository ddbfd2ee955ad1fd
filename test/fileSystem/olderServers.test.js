// Older servers (`file_system.py` at e8f3fd57) let no personal API key use the project tree's
// actions, and have no undo_delete (docs/posthog-api.md §1 "Older servers"): each fails with
// PostHog's answer and an error that says why and what to do.
const { usePostHog, SEED } = require('../helpers/posthog');
const { fileSystem } = require('../helpers/operations');

const posthog = usePostHog();
const fileId = SEED.fileIds.signupFunnel;

const REFUSED = [
	['countByPath', { path: 'Marketing' }],
	['fileUnfiled', {}],
	['getLogViews', { returnAll: true }],
	['link', { fileId, newPath: 'Shortcuts/Signup funnel' }],
	['logView', { type: 'insight', ref: SEED.insightShortIds.signupFunnel }],
	['move', { fileId, newPath: 'Marketing/Renamed funnel' }],
];

beforeEach(() => {
	posthog.emulator.state.fileSystemKeyActions = false;
});

test.each(REFUSED)(
	'%s: PostHog’s 403 for personal keys, and an error that names the PostHog version as the cause',
	async (operation, parameters) => {
		const { error } = await posthog.run(fileSystem[operation](parameters));

		expect(error.httpCode).toBe('403');
		expect(error.message).toBe('This action does not support Personal API Key access');
		expect(error.description).toMatch(
			/^This PostHog version lets only logged-in users, not personal API keys, use this action; newer versions let keys use it/,
		);
		expect(posthog.requests()).toHaveLength(1);
	},
);

test('undoDelete: PostHog’s 404 for the missing action, and an error that says this version has none', async () => {
	const { error } = await posthog.run(
		fileSystem.undoDelete({
			items: { item: [{ type: 'insight', ref: SEED.insightShortIds.oldRetention }] },
		}),
	);

	expect(error.httpCode).toBe('404');
	expect(error.description).toBe(
		'This PostHog version has no Undo Delete for the project tree; newer versions do (for self-hosted PostHog: upgrade it). Restore the items in PostHog instead.',
	);
	expect(posthog.requests()).toHaveLength(1);
});
