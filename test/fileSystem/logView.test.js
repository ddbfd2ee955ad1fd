const { getGlobalState } = require('n8n-workflow');
const { usePostHog, failure } = require('../helpers/posthog');
const { fileSystem } = require('../helpers/operations');
const api = require('../helpers/api');

const posthog = usePostHog();

const NOW = '2025-03-01T12:34:56Z';
const viewsOf = (type, ref) =>
	posthog.emulator.state.logViews
		.filter((v) => v.project_id === 1 && v.type === type && v.ref === ref)
		.map(({ type: t, ref: r, viewed_at }) => ({ type: t, ref: r, viewed_at }));

beforeEach(() => {
	posthog.emulator.now = () => new Date(NOW);
});

describe('fileSystem logView', () => {
	test('logView: sends POST log_view/ with exactly {type, ref}, and PostHog’s empty 204 gives [{ success: true }]', async () => {
		const { json, items, error } = await posthog.run(
			fileSystem.logView({ type: 'insight', ref: 'pQ2rS4tU' }),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([api.fileSystem.logView({ type: 'insight', ref: 'pQ2rS4tU' })]);
		expect(json).toEqual([{ success: true }]);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	test('logView: PostHog records the view, timed now when no Viewed At is given', async () => {
		const { error } = await posthog.run(fileSystem.logView({ type: 'insight', ref: 'pQ2rS4tU' }));

		expect(error).toBeUndefined();
		expect(viewsOf('insight', 'pQ2rS4tU')).toEqual([
			{ type: 'insight', ref: 'pQ2rS4tU', viewed_at: NOW },
		]);
	});

	test('logView: a Viewed At without a time zone (n8n’s date picker) is read in the workflow’s time zone', async () => {
		expect(getGlobalState().defaultTimezone).toBe('America/New_York');

		const { error } = await posthog.run(
			fileSystem.logView({
				type: 'dashboard',
				ref: '8',
				additionalFields: { viewedAt: '2025-02-01T10:00:00' },
			}),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			api.fileSystem.logView({ type: 'dashboard', ref: '8', viewed_at: '2025-02-01T15:00:00Z' }),
		]);
	});

	test('logView: a Viewed At that is not a date is refused before any request', async () => {
		const { error } = await posthog.run(
			fileSystem.logView({ type: 'dashboard', ref: '8', additionalFields: { viewedAt: 'soon' } }),
		);

		expect(error.message).toBe('Viewed At: "soon" is not a date');
		expect(posthog.requests()).toEqual([]);
	});

	test('logView: additionalFields.viewedAt is sent as viewed_at and PostHog stores that time', async () => {
		const { json, error } = await posthog.run(
			fileSystem.logView({
				type: 'dashboard',
				ref: '8',
				additionalFields: { viewedAt: '2025-02-01T10:00:00.000Z' },
			}),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			api.fileSystem.logView({
				type: 'dashboard',
				ref: '8',
				viewed_at: '2025-02-01T10:00:00Z',
			}),
		]);
		expect(json).toEqual([{ success: true }]);
		expect(viewsOf('dashboard', '8')).toEqual([
			{ type: 'dashboard', ref: '8', viewed_at: '2025-02-01T10:00:00Z' },
		]);
	});

	test('logView: viewing an already viewed item updates its time, and Get Many Log Views then lists it first', async () => {
		const logged = await posthog.run(fileSystem.logView({ type: 'feature_flag', ref: '12' }));
		expect(logged.error).toBeUndefined();
		const listed = await posthog.run(fileSystem.getLogViews({ returnAll: false, limit: 1 }));

		posthog.expectReceived([
			api.fileSystem.logView({ type: 'feature_flag', ref: '12' }),
			api.fileSystem.logViews({ limit: '1' }),
		]);
		expect(viewsOf('feature_flag', '12')).toEqual([
			{ type: 'feature_flag', ref: '12', viewed_at: NOW },
		]);
		expect(listed.json).toEqual([{ type: 'feature_flag', ref: '12', viewed_at: NOW }]);
	});

	test('logView: an empty Ref is refused by n8n before any request (required parameter)', async () => {
		const { error } = await posthog.run(fileSystem.logView({ type: 'insight', ref: '' }));

		posthog.expectReceived([]);
		expect(error.message).toMatch(/Parameter "Ref" is required/);
	});

	test('logView: a Ref expression resolving to empty fails with PostHog’s 400 naming the field ref', async () => {
		const { error } = await posthog.run(
			fileSystem.logView({ type: 'insight', ref: '={{ $json.ref }}' }),
			{ input: [{ json: { ref: '' } }] },
		);

		posthog.expectReceived([api.fileSystem.logView({ type: 'insight', ref: '' })]);
		expect(failure(error)).toMatchObject({
			message: 'This field may not be blank.',
			httpCode: '400',
		});
		expect(error.description).toContain('"ref"');
		expect(viewsOf('insight', '')).toEqual([]);
	});

	test('logView: a key with only file_system:read gets PostHog’s 403, and the error names the scope file_system:write', async () => {
		posthog.emulator.state.keys.phx_ro = { scopes: ['file_system:read'] };
		const { json, error } = await posthog.run(
			fileSystem.logView({ type: 'insight', ref: 'pQ2rS4tU' }),
			{ credentials: posthog.credentials({ apiKey: 'phx_ro' }) },
		);

		posthog.expectReceived([api.fileSystem.logView({ type: 'insight', ref: 'pQ2rS4tU' })], {
			apiKey: 'phx_ro',
		});
		expect(json).toEqual([]);
		expect(failure(error)).toMatchObject({
			message: "API key missing required scope 'file_system:write'",
			httpCode: '403',
		});
		expect(error.description).toContain('file_system:write');
		expect(viewsOf('insight', 'pQ2rS4tU')).toEqual([]);
	});
});
