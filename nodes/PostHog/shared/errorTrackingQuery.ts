import type { IDataObject } from 'n8n-workflow';

/**
 * The body of `POST query/` for one page of error-tracking issues. The REST list of issues takes
 * no filter, order or search in any version, so lists and searches are this query
 * (docs/posthog-api-part3.md §4.3); `volumeResolution: 0` leaves out the sparkline, and
 * `withFirstEvent: false` the first exception's properties, which older servers add by default.
 */
export function errorTrackingQuery({
	status,
	search,
	dateFrom,
	orderBy,
	limit,
	offset,
}: {
	status: string;
	search?: string;
	dateFrom: string;
	orderBy: string;
	limit: number;
	offset: number;
}): IDataObject {
	return {
		query: {
			kind: 'ErrorTrackingQuery',
			dateRange: { date_from: dateFrom },
			status,
			...(search ? { searchQuery: search } : {}),
			orderBy,
			orderDirection: 'DESC',
			volumeResolution: 0,
			filterTestAccounts: false,
			withFirstEvent: false,
			limit,
			offset,
		},
		refresh: 'blocking',
	};
}
