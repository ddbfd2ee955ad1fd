const { usePostHog, failure, SEED } = require('../helpers/posthog');
const { fileSystem } = require('../helpers/operations');
const api = require('../helpers/api');

const posthog = usePostHog();

const undoDelete = (item) => fileSystem.undoDelete({ items: { item } });
const stillDeleted = (type, ref) =>
	posthog.emulator.state.deleted.some(
		(d) => d.project_id === 1 && d.type === type && d.ref === ref,
	);
const rowsFor = (type, ref) =>
	posthog.emulator.state.fileSystem.filter(
		(row) => row.project_id === 1 && row.type === type && row.ref === ref,
	);
const entryAt = (path) =>
	posthog.emulator.state.fileSystem.find((row) => row.project_id === 1 && row.path === path);

describe('fileSystem undoDelete', () => {
	test('undoDelete: sends POST undo_delete/ with {items:[{type, ref}]} (empty path left out), and outputs PostHog’s {undone}', async () => {
		const { json, items, error } = await posthog.run(
			undoDelete([{ type: 'insight', ref: 'zZ9yY8xW', path: '' }]),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			api.fileSystem.undoDelete({ items: [{ type: 'insight', ref: 'zZ9yY8xW' }] }),
		]);
		expect(json).toEqual([{ undone: [{ type: 'insight', ref: 'zZ9yY8xW' }] }]);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	test('undoDelete: the insight is live again in PostHog and has an entry in the tree', async () => {
		const { error } = await posthog.run(
			undoDelete([{ type: 'insight', ref: 'zZ9yY8xW', path: '' }]),
		);

		expect(error).toBeUndefined();
		expect(stillDeleted('insight', 'zZ9yY8xW')).toBe(false);
		expect(
			posthog.emulator.state.insights.find((i) => i.id === SEED.insightIds.oldRetention).deleted,
		).toBe(false);
		expect(rowsFor('insight', 'zZ9yY8xW')).toHaveLength(1);
	});

	test('undoDelete: a path is sent when given, and the item is restored there', async () => {
		const { json, error } = await posthog.run(
			undoDelete([{ type: 'dashboard', ref: '9', path: 'Restored/Legacy KPIs' }]),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			api.fileSystem.undoDelete({
				items: [{ type: 'dashboard', ref: '9', path: 'Restored/Legacy KPIs' }],
			}),
		]);
		expect(json).toEqual([{ undone: [{ type: 'dashboard', ref: '9' }] }]);
		expect(entryAt('Restored/Legacy KPIs')).toMatchObject({ type: 'dashboard', ref: '9' });
		expect(stillDeleted('dashboard', '9')).toBe(false);
	});

	test('undoDelete: several items go in one request, in order, each with a path only when it has one', async () => {
		const { json, error } = await posthog.run(
			undoDelete([
				{ type: 'insight', ref: 'zZ9yY8xW', path: '' },
				{ type: 'feature_flag', ref: '21', path: 'Product/old-checkout' },
				{ type: SEED.deleted.hogFunction.type, ref: SEED.deleted.hogFunction.ref, path: '' },
			]),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			api.fileSystem.undoDelete({
				items: [
					{ type: 'insight', ref: 'zZ9yY8xW' },
					{ type: 'feature_flag', ref: '21', path: 'Product/old-checkout' },
					{ type: 'hog_function/destination', ref: SEED.deleted.hogFunction.ref },
				],
			}),
		]);
		expect(json).toEqual([
			{
				undone: [
					{ type: 'insight', ref: 'zZ9yY8xW' },
					{ type: 'feature_flag', ref: '21' },
					{ type: 'hog_function/destination', ref: SEED.deleted.hogFunction.ref },
				],
			},
		]);
		expect([
			stillDeleted('insight', 'zZ9yY8xW'),
			stillDeleted('feature_flag', '21'),
			stillDeleted('hog_function/destination', SEED.deleted.hogFunction.ref),
		]).toEqual([false, false, false]);
		expect(entryAt('Product/old-checkout')).toMatchObject({ type: 'feature_flag', ref: '21' });
	});

	test('undoDelete: an item stored without a path key is sent without path', async () => {
		const { json, error } = await posthog.run(undoDelete([{ type: 'dashboard', ref: '9' }]));

		expect(error).toBeUndefined();
		posthog.expectReceived([
			api.fileSystem.undoDelete({ items: [{ type: 'dashboard', ref: '9' }] }),
		]);
		expect(json).toEqual([{ undone: [{ type: 'dashboard', ref: '9' }] }]);
	});

	test('undoDelete: an item with an empty type is refused before any request', async () => {
		const { error } = await posthog.run(undoDelete([{ type: '', ref: '9', path: '' }]));

		posthog.expectReceived([]);
		expect(error.message).toBe('Items: item 1 needs both a type and a ref');
		expect(stillDeleted('dashboard', '9')).toBe(true);
	});

	test('undoDelete: an empty Items list is refused before any request', async () => {
		const { error } = await posthog.run(undoDelete([]));

		posthog.expectReceived([]);
		expect(error.message).toBe('Items: add at least one item to restore');
	});

	test('undoDelete: an unsupported type (notebook) fails with PostHog’s 400 detail', async () => {
		const { json, error } = await posthog.run(
			undoDelete([{ type: 'notebook', ref: 'oLdNoTe1', path: '' }]),
		);

		posthog.expectReceived([
			api.fileSystem.undoDelete({ items: [{ type: 'notebook', ref: 'oLdNoTe1' }] }),
		]);
		expect(json).toEqual([]);
		expect(failure(error)).toMatchObject({
			message: 'An internal error occurred during undo delete.',
			httpCode: '400',
		});
		expect(stillDeleted('notebook', 'oLdNoTe1')).toBe(true);
	});

	test('undoDelete: one bad item fails the whole request and nothing is restored (atomic)', async () => {
		const { error } = await posthog.run(
			undoDelete([
				{ type: 'dashboard', ref: '9', path: '' },
				{ type: 'notebook', ref: 'oLdNoTe1', path: '' },
			]),
		);

		posthog.expectReceived([
			api.fileSystem.undoDelete({
				items: [
					{ type: 'dashboard', ref: '9' },
					{ type: 'notebook', ref: 'oLdNoTe1' },
				],
			}),
		]);
		expect(failure(error)).toMatchObject({
			message: 'An internal error occurred during undo delete.',
			httpCode: '400',
		});
		expect(stillDeleted('dashboard', '9')).toBe(true);
		expect(rowsFor('dashboard', '9')).toEqual([]);
	});

	test('undoDelete: an item that is not deleted (unknown ref) fails with PostHog’s 400 detail', async () => {
		const { error } = await posthog.run(
			undoDelete([{ type: 'insight', ref: 'nOtThErE', path: '' }]),
		);

		posthog.expectReceived([
			api.fileSystem.undoDelete({ items: [{ type: 'insight', ref: 'nOtThErE' }] }),
		]);
		expect(failure(error)).toMatchObject({
			message: 'An internal error occurred during undo delete.',
			httpCode: '400',
		});
	});
});
