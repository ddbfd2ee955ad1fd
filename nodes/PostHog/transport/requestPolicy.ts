/** The node's Options that govern sending: retries, waits and pacing. */
export type RequestPolicy = {
	retryOnRateLimit: boolean;
	maxAttempts: number;
	maxWaitSeconds: number;
	/** 0: pace each endpoint to PostHog Cloud's limits; otherwise this many a minute, for all. */
	requestsPerMinute: number;
};

// The Options' defaults (actions/shared/descriptions.ts), which apply when an option is not added.
export const DEFAULT_REQUEST_POLICY: RequestPolicy = {
	retryOnRateLimit: true,
	maxAttempts: 5,
	maxWaitSeconds: 300,
	requestsPerMinute: 0,
};
