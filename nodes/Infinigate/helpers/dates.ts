/**
 * Invoice periods: the service wants `YYYY-MM-DD`. Users give an ISO date, a full ISO timestamp (the
 * date picker's `2024-07-01T00:00:00`), or an n8n date expression whose value is a Luxon DateTime
 * (`{{ $now.minus({ months: 1 }).startOf('month') }}`) or a JavaScript Date. A timestamp counts as
 * the calendar date written in it, whatever its offset, so that what the user sees is what is sent.
 */

const ISO_PREFIX = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$)/;

interface LuxonLike {
	isValid?: boolean;
	toISODate(): string | null;
}

function isLuxonLike(value: unknown): value is LuxonLike {
	return typeof value === 'object' && value !== null && typeof (value as LuxonLike).toISODate === 'function';
}

/** The date as `YYYY-MM-DD`, undefined when empty; throws a plain Error describing what is wrong. */
export function toIsoDate(value: unknown, timeZone: string): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (isLuxonLike(value)) {
		const date = value.isValid === false ? null : value.toISODate();
		if (!date) throw new Error('is not a valid date');
		return date;
	}
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) throw new Error('is not a valid date');
		return dateInZone(value, timeZone);
	}
	const text = String(value).trim();
	if (text === '') return undefined;
	const match = ISO_PREFIX.exec(text);
	if (!match) {
		throw new Error(`is not a date: "${text}" (use YYYY-MM-DD, an ISO timestamp or a date expression)`);
	}
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const check = new Date(Date.UTC(year, month - 1, day));
	if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
		throw new Error(`is not a calendar date: "${text}"`);
	}
	return `${match[1]}-${match[2]}-${match[3]}`;
}

/** Today (or the given instant) as `YYYY-MM-DD` in the workflow's time zone. */
export function dateInZone(instant: Date, timeZone: string): string {
	let zone = timeZone;
	try {
		new Intl.DateTimeFormat('en-CA', { timeZone: zone });
	} catch {
		zone = 'UTC';
	}
	// en-CA formats as YYYY-MM-DD.
	return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}
