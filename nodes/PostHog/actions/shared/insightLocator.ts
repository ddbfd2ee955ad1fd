import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';
import { locatorId, type LocatorUrl, requireNumericId } from '../../shared/locator';
import { fillPlaceholder } from '../../shared/placeholder';
import { projectIdOf } from '../../shared/project';
import { invalidParameter } from '../../shared/validation';
import { rememberedPerExecution } from '../../transport/perExecution';
import { postHogRequest } from '../../transport/request';

// Short ids in insight URLs resolve to numeric ids once per execution: every item of a run
// asks for the same insight, and all items' requests start at once (docs/n8n-notes.md §1).
const rememberedInsightIds = rememberedPerExecution<string>();

async function findInsightByShortId(
	context: IExecuteSingleFunctions,
	project: string,
	shortId: string,
): Promise<string> {
	const page = await postHogRequest<{ results?: IDataObject[] }>(context, {
		method: 'GET',
		url: `/api/projects/${project}/insights/`,
		qs: { short_id: shortId, basic: true },
	});
	const match = page.results?.find((insight) => insight.short_id === shortId);
	if (!match) {
		throw invalidParameter(
			context,
			'Insight',
			`no insight with short ID "${shortId}" in project ${project}`,
		);
	}
	return String(match.id);
}

async function lookUpInsightId(context: IExecuteSingleFunctions, shortId: string): Promise<string> {
	const project = projectIdOf(context);
	return await rememberedInsightIds(context, `${project}:${shortId}`, async () =>
		findInsightByShortId(context, project, shortId),
	);
}

const INSIGHT_URL: LocatorUrl = {
	pattern: /\/project\/\d+\/insights\/([A-Za-z0-9_-]+)/,
	shape: '…/project/ID/insights/SHORT_ID',
};

/** The numeric insight ID: PostHog's insight routes take only that (docs/posthog-api.md §3). */
async function insightIdOf(context: IExecuteSingleFunctions): Promise<string> {
	const { mode } = context.getNodeParameter('insightId', undefined, { extractValue: false }) as {
		mode?: string;
	};
	if (mode !== 'url') return requireNumericId(context, 'insightId', 'Insight', 'insight');
	return await lookUpInsightId(context, locatorId(context, 'insightId', 'Insight', INSIGHT_URL));
}

const fillInsightId = fillPlaceholder('insightId', insightIdOf);

/** The Insight locator; it fills the `{insightId}` of the operation's URL. */
export function insightLocator(description: string): INodeProperties {
	return {
		displayName: 'Insight',
		name: 'insightId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		hint: 'A URL (…/project/ID/insights/SHORT_ID) is resolved to the insight’s numeric ID with one look-up per execution',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchInsights', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 4821',
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: 'e.g. https://us.posthog.com/project/12345/insights/aB3dE5fG',
			},
		],
		routing: { send: { preSend: [fillInsightId] } },
	};
}
