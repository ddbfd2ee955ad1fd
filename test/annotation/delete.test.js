const { usePostHog, SEED } = require('../helpers/posthog');
const { annotation } = require('../helpers/operations');

const posthog = usePostHog();

const ids = SEED.annotationIds;
const annotationOf = (id) => posthog.emulator.state.annotations.find((a) => a.id === id);

describe('annotation delete', () => {
	test('sends PATCH annotations/{id}/ {deleted: true} (DELETE is 405) and outputs the annotation with deleted: true', async () => {
		const { json, items, error } = await posthog.run(
			annotation.delete({ annotationId: ids.deploy142 }),
		);

		expect(error).toBeUndefined();
		posthog.expectReceived([
			{
				method: 'PATCH',
				path: `/api/projects/1/annotations/${ids.deploy142}/`,
				body: { deleted: true },
			},
		]);
		expect(json).toHaveLength(1);
		expect(json[0]).toMatchObject({ id: ids.deploy142, content: 'Deployed v1.4.2', deleted: true });
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(annotationOf(ids.deploy142).deleted).toBe(true);
	});

	test('an ID from an expression that is not a number is refused before any request', async () => {
		const { error } = await posthog.run(annotation.delete({ annotationId: '={{ $json.id }}' }), {
			input: [{ json: { id: 'deploy-142' } }],
		});

		expect(error.message).toBe('Annotation ID: "deploy-142" is not a numeric annotation ID');
		expect(posthog.requests()).toHaveLength(0);
	});

	test('an annotation that does not exist (or is already deleted… here: of another project) fails with PostHog’s 404', async () => {
		const { error } = await posthog.run(annotation.delete({ annotationId: ids.stagingDeploy }));

		expect(error.httpCode).toBe('404');
		expect(error.message).toBe('Not found.');
		expect(annotationOf(ids.stagingDeploy).deleted).toBe(false);
	});
});
