import {
	NodeApiError,
	updateDisplayOptions,
	type DeclarativeRestApiSettings,
	type IDataObject,
	type IExecutePaginationFunctions,
	type INodeExecutionData,
	type INodePropertyOptions,
	type JsonObject,
} from 'n8n-workflow';
import { sendRoutedRequest } from '../../transport/request';
import { errorCode } from '../../transport/retry';
import { optionsField } from '../shared/descriptions';
import { sendsOwnRequests } from '../shared/operations';
import { toItems } from '../shared/output';
import { dashboardLocator } from './fields';

type Tile = {
	id?: number;
	order?: number;
	insight?: IDataObject | null;
	layouts?: { sm?: { x?: number; y?: number } };
};

/**
 * The dashboard's order, as `run_insights/` gives it (PostHog's `sort_tiles_by_layout`): by the
 * `sm` layout's row, then column, a missing one counted as 100; `order` is the position among
 * all tiles, text tiles included, so insight tiles' numbers can have gaps.
 */
function inLayoutOrder(tiles: Tile[]): Array<{ tile: Tile; order: number }> {
	const at = (tile: Tile, axis: 'x' | 'y') => tile.layouts?.sm?.[axis] ?? 100;
	return [...tiles]
		.sort((a, b) => at(a, 'y') - at(b, 'y') || at(a, 'x') - at(b, 'x'))
		.map((tile, order) => ({ tile, order }));
}

/** A tile as an item: `{dashboardId, tileId, order, insight: {id, short_id, name}, result}`. */
function tileItem(dashboardId: number, tile: Tile, order: number | undefined): IDataObject {
	const insight = tile.insight ?? {};
	return {
		dashboardId,
		tileId: tile.id,
		order,
		insight: {
			id: insight.id,
			short_id: insight.short_id,
			name: insight.name || insight.derived_name || null,
		},
		result: (insight.result as IDataObject) ?? null,
	};
}

/**
 * One item per insight tile, in the dashboard's order. `run_insights/` computes every insight in
 * one request on newer servers; on a server without it (404), the tiles of the dashboard itself
 * are output with the results PostHog had cached, and each item says so (part 3 §5). Text tiles
 * and insights without a query are left out, as PostHog itself does.
 */
async function runDashboardInsights(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const url = requestData.options.url ?? '';
	const dashboardId = Number(/\/dashboards\/(\d+)\//.exec(url)?.[1]);
	const refresh = this.getNodeParameter('options.refresh', false) as boolean;
	try {
		const [answer] = await sendRoutedRequest.call(this, {
			...requestData,
			options: {
				...requestData.options,
				qs: { output_format: 'json', refresh: refresh ? 'blocking' : 'force_cache' },
			},
		});
		const tiles = (answer?.json.results as Tile[] | undefined) ?? [];
		return toItems(
			this,
			tiles.map((tile) => tileItem(dashboardId, tile, tile.order)),
		);
	} catch (error) {
		if (errorCode(error) !== '404') throw new NodeApiError(this.getNode(), error as JsonObject);
	}
	// An older server: the dashboard's own tiles, results from PostHog's cache.
	const [dashboard] = await sendRoutedRequest.call(this, {
		...requestData,
		options: {
			...requestData.options,
			url: url.replace(/run_insights\/$/, ''),
			qs: refresh ? { refresh: 'blocking' } : {},
		},
	});
	const tiles = inLayoutOrder((dashboard?.json.tiles as Tile[] | undefined) ?? []).filter(
		({ tile }) => tile.insight && tile.insight.query,
	);
	return toItems(
		this,
		tiles.map(({ tile, order }) => ({
			...tileItem(dashboardId, tile, order),
			cached: true,
			note: 'This PostHog has no run_insights endpoint: the result is the one PostHog had cached (null if none).',
		})),
	);
}

export const option: INodePropertyOptions = {
	name: 'Run Insights',
	value: 'runInsights',
	action: 'Run the insights of a dashboard',
	description: 'Get the results of every insight on a dashboard, one item per insight',
	routing: {
		request: {
			method: 'GET',
			url: '/api/projects/{projectId}/dashboards/{dashboardId}/run_insights/',
		},
		operations: sendsOwnRequests(runDashboardInsights),
	},
};

export const toolDescription =
	'Get the results of every insight on a dashboard (by numeric ID or URL), one item per insight tile in the dashboard’s order: dashboardId, tileId, order, insight {id, short_id, name} and result (the insight’s data, as PostHog computes it). By default results come from PostHog’s cache; Options → Refresh computes them fresh (slower, counts against PostHog’s query limits). Use it for a weekly report of a dashboard.';

export const fields = updateDisplayOptions(
	{ show: { resource: ['dashboard'], operation: ['runInsights'] } },
	[
		dashboardLocator(),
		optionsField({
			displayName: 'Refresh',
			name: 'refresh',
			type: 'boolean',
			default: false,
			description:
				'Whether to compute fresh results rather than read the ones PostHog has cached (slower)',
		}),
	],
);
