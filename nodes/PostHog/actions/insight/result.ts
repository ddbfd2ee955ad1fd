import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

const NOT_COMPUTED =
	'PostHog had no cached results for this insight, so it sent none (result is null, which does not mean the insight is empty). Use Get with Options → Refresh on to compute them.';
const STILL_RUNNING =
	'PostHog is still computing this insight’s results (see query_status). Get it again later.';

/**
 * postReceive: says whether `result` holds results. PostHog reads results from its cache and
 * sends `result: null` on a miss (docs/posthog-api-part2.md §5.1), which would otherwise pass
 * for an insight without data.
 */
export async function explainMissingResult(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return items.map((item) => {
		const insight = item.json;
		if (!('result' in insight)) return item;
		const computed = insight.result !== null && insight.result !== undefined;
		const running = !computed && Boolean((insight.query_status as IDataObject | null)?.id);
		return {
			...item,
			json: {
				...insight,
				result_computed: computed,
				...(computed ? {} : { result_note: running ? STILL_RUNNING : NOT_COMPUTED }),
			},
		};
	});
}
