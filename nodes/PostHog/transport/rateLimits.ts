/**
 * PostHog's throttles, per personal API key (docs/posthog-api.md §0 "Rate limits",
 * docs/posthog-api-part2.md §7). Each throttle class counts in its own bucket, so a request
 * spends one slot in every class its endpoint uses.
 */
export type Throttle = { scope: string; limit: number; periodSeconds: number };

const BURST: Throttle = { scope: 'burst', limit: 480, periodSeconds: 60 };
const SUSTAINED: Throttle = { scope: 'sustained', limit: 4800, periodSeconds: 3600 };
const CLICKHOUSE_BURST: Throttle = { scope: 'clickhouse_burst', limit: 240, periodSeconds: 60 };
const CLICKHOUSE_SUSTAINED: Throttle = {
	scope: 'clickhouse_sustained',
	limit: 1200,
	periodSeconds: 3600,
};
const PERSONS_DELETE_BURST: Throttle = {
	scope: 'persons_delete_burst',
	limit: 480,
	periodSeconds: 60,
};
const PERSONS_DELETE_SUSTAINED: Throttle = {
	scope: 'persons_delete_sustained',
	limit: 4800,
	periodSeconds: 3600,
};
const HOGQL_QUERY: Throttle = { scope: 'query', limit: 120, periodSeconds: 3600 };

const pathOf = (url: string) => url.replace(/^https?:\/\/[^/]+/, '').split('?')[0];

/** `POST query/`: a query (a read). */
export const isQueryRequest = (url: string) =>
	/\/api\/(projects|environments)\/[^/]+\/query\/$/.test(pathOf(url));

/**
 * The throttle classes PostHog applies to a request, from its path and method. A HogQL query is
 * in its own class; other query kinds (`ErrorTrackingQuery`) in the ClickHouse ones
 * (docs/posthog-api-part3.md §11). `queryKind` is the `query.kind` of a query's body.
 */
export function throttlesFor(method: string, url: string, queryKind?: string): Throttle[] {
	const path = pathOf(url);
	if (isQueryRequest(path)) {
		return queryKind === undefined || queryKind === 'HogQLQuery'
			? [HOGQL_QUERY]
			: [CLICKHOUSE_BURST, CLICKHOUSE_SUSTAINED];
	}
	// An insight's sharing (`SharingConfigurationViewSet`) declares no throttles: the default.
	if (/\/api\/(projects|environments)\/[^/]+\/insights\/[^/]+\/sharing\//.test(path)) {
		return [BURST, SUSTAINED];
	}
	if (/\/api\/(projects|environments)\/[^/]+\/insights\//.test(path)) {
		return [CLICKHOUSE_BURST, CLICKHOUSE_SUSTAINED];
	}
	if (/\/api\/(projects|environments)\/[^/]+\/persons\//.test(path)) {
		const deletes = method.toUpperCase() === 'DELETE' || path.endsWith('/bulk_delete/');
		return deletes ? [PERSONS_DELETE_BURST, PERSONS_DELETE_SUSTAINED] : [CLICKHOUSE_BURST];
	}
	return [BURST, SUSTAINED];
}

function perPeriod({ limit, periodSeconds }: Throttle, position: number): string {
	const count = `${limit.toLocaleString('en-US')}${position === 0 ? ' requests' : ''}`;
	return periodSeconds === 60 ? `${count} a minute` : `${count} an hour`;
}

/** "PostHog allows … per personal API key for this endpoint.", for error descriptions. */
export function rateLimitText(method: string, url: string, queryKind?: string): string {
	const throttles = throttlesFor(method, url, queryKind);
	return `PostHog allows ${throttles.map(perPeriod).join(' and ')} per personal API key for this endpoint.`;
}
