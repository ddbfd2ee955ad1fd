import type { IExecuteSingleFunctions } from 'n8n-workflow';
import { invalidParameter } from '../../shared/validation';

// n8n's date picker gives wall-clock time without a zone ("2025-01-15T09:30:00"), meant in the
// workflow's time zone; PostHog would read it as UTC. Such a value is converted here.
const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/;

/** How far `timeZone` is ahead of UTC at the instant `utcMs`, in milliseconds. */
function zoneOffsetMs(utcMs: number, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: 'numeric',
		day: 'numeric',
		hour: 'numeric',
		minute: 'numeric',
		second: 'numeric',
	}).formatToParts(new Date(utcMs));
	const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
	const wall = Date.UTC(
		part('year'),
		part('month') - 1,
		part('day'),
		part('hour'),
		part('minute'),
		part('second'),
	);
	return wall - Math.floor(utcMs / 1000) * 1000;
}

function fromWallClock(match: RegExpExecArray, timeZone: string): number {
	const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '0'] = match;
	const wall = Date.UTC(
		Number(year),
		Number(month) - 1,
		Number(day),
		Number(hour),
		Number(minute),
		Number(second),
		Number(fraction.padEnd(3, '0').slice(0, 3)),
	);
	try {
		// Twice: near a daylight-saving change the offset at the result can differ from the guess.
		return wall - zoneOffsetMs(wall - zoneOffsetMs(wall, timeZone), timeZone);
	} catch {
		return wall; // an unknown time zone name: read as UTC
	}
}

function toMs(value: unknown, timeZone: string): number {
	if (value instanceof Date) return value.getTime();
	if (typeof value === 'number') return value;
	if (value && typeof value === 'object' && 'toISO' in value) {
		return Date.parse(String((value as { toISO: () => unknown }).toISO()));
	}
	const text = String(value ?? '').trim();
	const wallClock = WALL_CLOCK.exec(text);
	return wallClock ? fromWallClock(wallClock, timeZone) : Date.parse(text);
}

/** ISO 8601 in UTC, as PostHog stores it: `2025-01-15T08:30:00Z`. */
export function isoUtc(ms: number): string {
	return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/**
 * A date-time parameter as PostHog takes it (ISO 8601, UTC), or undefined when empty. A value
 * without a time zone is read in the workflow's time zone; anything that is not a date is
 * refused before a request is sent.
 */
export function readDateTime(
	context: IExecuteSingleFunctions,
	name: string,
	label: string,
): string | undefined {
	const value = context.getNodeParameter(name, '') as unknown;
	if (value === undefined || value === null || (typeof value === 'string' && !value.trim())) {
		return undefined;
	}
	const ms = toMs(value, context.getTimezone());
	if (!Number.isFinite(ms))
		throw invalidParameter(context, label, `"${String(value)}" is not a date`);
	return isoUtc(ms);
}
