/**
 * What the polling triggers remember between polls, in the workflow's static data (which n8n saves
 * with the workflow, so it survives restarts). Two kinds of memory, both bounded:
 *
 * - a dated window, for lists that can be asked "since a date" (invoices, credit memos): the date of
 *   the last successful poll, and the keys of the entries dated within the overlap before it. The
 *   next poll asks from that date minus the overlap, so that entries that show up late, or during an
 *   outage of any length, are still found; the keys stop duplicates.
 * - a snapshot, for lists that can only be read whole (folders, sales, quotes): each entry's key and
 *   a fingerprint of what the trigger watches (a status, a revision). It holds what the service lists
 *   now, never what it listed once, and at most MAX_REMEMBERED entries.
 *
 * The memory is replaced only after a poll succeeded: a poll that fails (service down) leaves it as
 * it was, and the next successful poll picks up everything since.
 */
import type { IDataObject, INodeProperties, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** No trigger remembers more entries than this; beyond it the oldest (window) or the last listed (snapshot) are dropped. */
export const MAX_REMEMBERED = 20_000;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface WindowMemory {
	/** The day (YYYY-MM-DD, UTC) of the last successful poll. */
	polledOn: string;
	/** Keys of the entries dated on or after `polledOn` minus the overlap. */
	seen: string[];
}

export interface SnapshotMemory {
	/** Key → fingerprint of every entry the last poll listed. */
	entries: Record<string, string>;
}

export function isoDay(date: Date): string {
	return date.toISOString().slice(0, 10);
}

export function daysBefore(day: string, days: number): string {
	return isoDay(new Date(Date.parse(`${day}T00:00:00Z`) - days * DAY_MS));
}

/** The day the next list must start from. The first poll looks back only for "Include Last Days". */
export function windowStart(memory: WindowMemory | undefined, now: Date, overlapDays: number, includeLastDays: number): string {
	if (memory) return daysBefore(memory.polledOn, overlapDays);
	return daysBefore(isoDay(now), Math.max(overlapDays, includeLastDays));
}

/**
 * The entries not seen before, and the memory to keep. On the first poll only entries of the last
 * `includeLastDays` days are new (none when it is 0): the rest is what was there before the trigger.
 */
export function takeNewInWindow<T>(
	memory: WindowMemory | undefined,
	listed: T[],
	describe: (entry: T) => { key: string; day: string },
	now: Date,
	options: { overlapDays: number; includeLastDays: number },
): { fresh: T[]; memory: WindowMemory } {
	const today = isoDay(now);
	const seen = new Set(memory?.seen ?? []);
	const firstSince = options.includeLastDays > 0 ? daysBefore(today, options.includeLastDays) : undefined;
	const fresh: T[] = [];
	const freshKeys = new Set<string>();
	const kept: Array<{ key: string; day: string }> = [];
	const keepFrom = daysBefore(today, options.overlapDays);
	for (const entry of listed) {
		const { key, day } = describe(entry);
		const isNew = memory ? !seen.has(key) : firstSince !== undefined && day >= firstSince;
		if (isNew && !freshKeys.has(key)) {
			fresh.push(entry);
			freshKeys.add(key);
		}
		if (day >= keepFrom || day === '') kept.push({ key, day });
	}
	kept.sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : 0));
	const keys = [...new Set(kept.map((entry) => entry.key))].slice(0, MAX_REMEMBERED);
	return { fresh, memory: { polledOn: today, seen: keys } };
}

export interface SnapshotChange<T> {
	entry: T;
	/** The fingerprint the last poll saw; undefined for a new entry. */
	previous?: string;
}

/**
 * Compares what the service lists now with the last snapshot. On the first poll nothing is a change,
 * except entries that `isRecent` says appeared within "Include Last Days".
 */
export function diffSnapshot<T>(
	memory: SnapshotMemory | undefined,
	listed: T[],
	describe: (entry: T) => { key: string; fingerprint: string },
	isRecent: (entry: T) => boolean = () => false,
): { added: Array<SnapshotChange<T>>; changed: Array<SnapshotChange<T>>; memory: SnapshotMemory } {
	const added: Array<SnapshotChange<T>> = [];
	const changed: Array<SnapshotChange<T>> = [];
	const entries: Record<string, string> = {};
	let count = 0;
	for (const entry of listed) {
		const { key, fingerprint } = describe(entry);
		if (key === '' || key in entries) continue;
		if (count < MAX_REMEMBERED) {
			entries[key] = fingerprint;
			count++;
		}
		if (!memory) {
			if (isRecent(entry)) added.push({ entry });
			continue;
		}
		const previous = memory.entries[key];
		if (previous === undefined) added.push({ entry });
		else if (previous !== fingerprint) changed.push({ entry, previous });
	}
	return { added, changed, memory: { entries } };
}

/** The trigger's memory in the workflow's static data, under one name per watched list. */
export function readMemory<T>(ctx: IPollFunctions, name: string): T | undefined {
	const staticData = ctx.getWorkflowStaticData('node');
	const value = staticData[name];
	return value === undefined || value === null ? undefined : (value as T);
}

export function writeMemory(ctx: IPollFunctions, name: string, memory: WindowMemory | SnapshotMemory | IDataObject): void {
	ctx.getWorkflowStaticData('node')[name] = memory as unknown as IDataObject;
}

/** The first activation starts from now; this field lets it also deliver the last N days. */
export function includeLastDaysField(what: string): INodeProperties {
	return {
		displayName: 'Include Last Days',
		name: 'includeLastDays',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 365, numberPrecision: 0 },
		default: 0,
		description: `When the workflow is first activated, also deliver ${what} of this many past days. 0: only what happens from activation on.`,
	};
}

/** "Include Last Days": a whole number from 0 to 365. */
export function readIncludeLastDays(ctx: IPollFunctions): number {
	const value = ctx.getNodeParameter('includeLastDays', 0);
	const days = typeof value === 'number' ? value : Number(value);
	if (!Number.isInteger(days) || days < 0 || days > 365) {
		throw new NodeOperationError(ctx.getNode(), `Include Last Days must be a whole number from 0 to 365 (got ${String(value)})`);
	}
	return days;
}

/** The manual test's answer when the service has nothing to show yet. */
export function noEventYet(ctx: IPollFunctions, message: string, description: string): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), message, { description });
}

/** The UTC day (YYYY-MM-DD) of an ISO date or date-time; '' when it is not one. */
export function dayOf(value: unknown): string {
	if (typeof value !== 'string') return '';
	const parsed = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
	return Number.isNaN(parsed) ? '' : isoDay(new Date(parsed));
}
