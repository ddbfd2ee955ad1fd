/** A payload value as text, or null: PostHog's payloads leave fields out by server version. */
export const textOrNull = (value: unknown): string | null =>
	typeof value === 'string' || typeof value === 'number' ? String(value) : null;
