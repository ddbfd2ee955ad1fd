import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { currentProjectId } from '../../shared/project';
import { searchPages } from './searchPages';

/**
 * Insight alerts, newest first, named with their insight and valued by UUID. The list has no
 * search (docs/instant-trigger.md §5): the filter is applied here, to the alert's and the
 * insight's name.
 */
export async function searchAlerts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const projectId = currentProjectId(this);
	const needle = (filter ?? '').toLowerCase();
	return await searchPages(this, {
		path: `/api/projects/${projectId}/alerts/`,
		paginationToken,
		toItem: (alert, host) => {
			const insight = (alert.insight ?? {}) as IDataObject;
			const name = `${String(alert.name)} (${String(insight.name || insight.derived_name || insight.short_id)})`;
			if (!name.toLowerCase().includes(needle)) return undefined;
			return {
				name,
				value: String(alert.id),
				url: `${host}/project/${projectId}/insights/${String(insight.short_id)}?alert_id=${String(alert.id)}`,
			};
		},
	});
}
