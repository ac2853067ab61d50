/**
 * What the polling triggers remember between polls, in the workflow's static data (which n8n saves
 * with the workflow, so it survives restarts), and the rule that makes each event come exactly once.
 *
 * THE RULE: the memory only grows from evidence.
 * - A poll whose answer cannot be read fails, and the memory stays as it was. The readers refuse
 *   what they cannot read (an HTML page, a page without its list, an object where a list belongs);
 *   nothing here ever takes "no answer" for "no entries".
 * - An entry that disappears from a list is remembered as gone, with what it looked like, for
 *   GONE_RETENTION_DAYS: when it comes back it is not new (a change made meanwhile is still a change).
 * - A list that drops from entries to none is not believed on one poll: the memory is kept until a
 *   second poll in a row lists nothing (a maintenance window that answers `[]`).
 * - The memory is written only after a poll succeeded, so a failed poll (service down, restart)
 *   leaves it as it was and the next successful poll picks up everything since.
 *
 * What is delivered exactly once: every entry that a successful poll lists for the first time, and
 * every change of what the trigger watches (a status, a revision) between two successful polls.
 * What can be missed, by design: an entry that comes and goes between two polls, a change undone
 * between two polls (A → B → A), an import shorter than a poll (Virtual Inventory: the service
 * shows only its current status), and a dated entry that shows up later than the overlap after its
 * date. An entry restored after GONE_RETENTION_DAYS is new again.
 *
 * Two kinds of memory, both bounded by `memoryLimits.maxRemembered` entries:
 * - a dated window, for lists asked "since a date" (invoices, credit memos, by posting date): the
 *   day of the last successful poll and the keys of the entries dated within the overlap before it,
 *   each with its date. The next poll asks from that day minus the overlap, so entries that show up
 *   late, or after an outage of any length, are still found; an entry is forgotten only once it is
 *   dated before the next query's start, where it cannot be listed again.
 * - a snapshot, for lists that can only be read whole (folders, sales, quotes): each listed entry's
 *   key and a fingerprint of what the trigger watches, plus the entries gone from the list.
 * Keys are kept as 72-bit hashes (12 characters): 100,000 remembered sales take 2.65 MB of static
 * data, 100,000 invoices 2.80 MB (measured in test/integration/triggers/memory.test.ts). Short
 * fingerprints are kept as they are, since the events report the previous value. Nothing is
 * evicted to make room: a list that needs more than the limit fails the poll with an error that says
 * so (nothing is delivered twice; the events wait until the list is back under the limit).
 */
import { createHash } from 'node:crypto';

import type { IDataObject, INodeProperties, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * How much a trigger may remember. An object, so that a test can lower the limit to watch the real
 * limit logic at work without listing 100,000 entries.
 */
export const memoryLimits = { maxRemembered: 100_000 };

/** The triggers' clock; a test moves it to watch what a month of polls remembers. */
export const pollingClock = { now: (): Date => new Date() };

/** How long an entry gone from a list is remembered, so that its return is not "new". */
export const GONE_RETENTION_DAYS = 30;

/** Fingerprints up to this length are kept as they are (events report the previous value); longer ones hashed. */
const MAX_PLAIN_FINGERPRINT = 64;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface WindowMemory {
	/** The day (YYYY-MM-DD, UTC) of the last successful poll. */
	polledOn: string;
	/** Hashed key → day of every entry dated on or after `polledOn` minus the overlap. */
	dated?: Record<string, string>;
	/** Before the rule above: the plain keys, without their days. Read once, then replaced. */
	seen?: string[];
}

export interface SnapshotMemory {
	/** Hashed key → fingerprint of every entry the last believed poll listed. */
	live?: Record<string, string>;
	/** Hashed key → "<day gone> <fingerprint>" of entries that left the list. */
	gone?: Record<string, string>;
	/** Polls in a row that listed nothing while `live` held entries. */
	emptyPolls?: number;
	/** Before the rule above: plain key → fingerprint. Read once, then replaced. */
	entries?: Record<string, string>;
}

/** A poll that would need more memory than the limit: it fails rather than forget (and later repeat). */
export class MemoryFullError extends Error {
	constructor(readonly needed: number) {
		super(
			`The trigger would need to remember ${needed} entries, more than its limit of ${memoryLimits.maxRemembered}. ` +
				'It delivers nothing rather than forget entries and deliver them again later.',
		);
		this.name = 'MemoryFullError';
	}
}

/** A key as the memory holds it: 72 bits of its SHA-256, 12 characters. */
export function memoryKey(key: string): string {
	return createHash('sha256').update(key).digest('base64url').slice(0, 12);
}

function storedFingerprint(fingerprint: string): string {
	if (fingerprint.length <= MAX_PLAIN_FINGERPRINT) return fingerprint;
	return `#${createHash('sha256').update(fingerprint).digest('base64url').slice(0, 16)}`;
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

function checkLimit(count: number): void {
	if (count > memoryLimits.maxRemembered) throw new MemoryFullError(count);
}

/**
 * The entries not seen before, and the memory to keep. `describe` gives an entry's key and the day
 * the list query filters by (an entry without one counts as today's). On the first poll only entries
 * of the last `includeLastDays` days are new (none when it is 0): the rest was there before.
 */
export function takeNewInWindow<T>(
	memory: WindowMemory | undefined,
	listed: T[],
	describe: (entry: T) => { key: string; day: string },
	now: Date,
	options: { overlapDays: number; includeLastDays: number },
): { fresh: T[]; memory: WindowMemory } {
	const today = isoDay(now);
	const dated: Record<string, string> = { ...(memory?.dated ?? {}) };
	for (const key of memory?.seen ?? []) dated[memoryKey(key)] ??= memory!.polledOn;
	const firstSince = options.includeLastDays > 0 ? daysBefore(today, options.includeLastDays) : undefined;
	const fresh: T[] = [];
	for (const entry of listed) {
		const { key, day: listedDay } = describe(entry);
		if (key === '') continue;
		const day = listedDay === '' ? today : listedDay;
		const hashed = memoryKey(key);
		const known = hashed in dated;
		const isNew = memory ? !known : firstSince !== undefined && day >= firstSince;
		if (isNew) fresh.push(entry);
		// The latest reading of its day decides when it can be forgotten.
		dated[hashed] = known && dated[hashed] > day ? dated[hashed] : day;
	}
	// Only entries dated before the next query's start are forgotten: that query cannot list them again.
	const keepFrom = daysBefore(today, options.overlapDays);
	for (const [hashed, day] of Object.entries(dated)) if (day < keepFrom) delete dated[hashed];
	checkLimit(Object.keys(dated).length);
	return { fresh, memory: { polledOn: today, dated } };
}

export interface SnapshotChange<T> {
	entry: T;
	/** The fingerprint the memory held (as stored: long ones are hashed); undefined for a new entry. */
	previous?: string;
}

function liveOf(memory: SnapshotMemory): Record<string, string> {
	if (memory.live) return memory.live;
	const live: Record<string, string> = {};
	for (const [key, fingerprint] of Object.entries(memory.entries ?? {})) live[memoryKey(key)] = storedFingerprint(fingerprint);
	return live;
}

function goneEntry(value: string | undefined): { day: string; fingerprint: string } | undefined {
	if (value === undefined) return undefined;
	const space = value.indexOf(' ');
	return { day: value.slice(0, space), fingerprint: value.slice(space + 1) };
}

/**
 * Compares what the service lists now with the memory. On the first poll nothing is a change,
 * except entries that `isRecent` says appeared within "Include Last Days". See the rule above.
 */
export function diffSnapshot<T>(
	memory: SnapshotMemory | undefined,
	listed: T[],
	describe: (entry: T) => { key: string; fingerprint: string },
	isRecent: (entry: T) => boolean = () => false,
	now: Date = pollingClock.now(),
): { added: Array<SnapshotChange<T>>; changed: Array<SnapshotChange<T>>; memory: SnapshotMemory } {
	const added: Array<SnapshotChange<T>> = [];
	const changed: Array<SnapshotChange<T>> = [];
	const live: Record<string, string> = {};
	const previousLive = memory ? liveOf(memory) : {};
	const today = isoDay(now);

	const listedKeys = new Set<string>();
	for (const entry of listed) if (describe(entry).key !== '') listedKeys.add(describe(entry).key);
	const remembered = Object.keys(previousLive).length;
	if (memory && listedKeys.size === 0 && remembered > 0 && (memory.emptyPolls ?? 0) < 1) {
		// From entries to none in one poll: not believed until the next poll says the same.
		return { added, changed, memory: { live: previousLive, gone: memory.gone ?? {}, emptyPolls: (memory.emptyPolls ?? 0) + 1 } };
	}

	const gone: Record<string, string> = { ...(memory?.gone ?? {}) };
	for (const entry of listed) {
		const { key, fingerprint: raw } = describe(entry);
		if (key === '') continue;
		const hashed = memoryKey(key);
		if (hashed in live) continue;
		const fingerprint = storedFingerprint(raw);
		live[hashed] = fingerprint;
		if (!memory) {
			if (isRecent(entry)) added.push({ entry });
			continue;
		}
		const previous = previousLive[hashed] ?? goneEntry(gone[hashed])?.fingerprint;
		delete gone[hashed];
		if (previous === undefined) added.push({ entry });
		else if (previous !== fingerprint) changed.push({ entry, previous });
	}
	for (const [hashed, fingerprint] of Object.entries(previousLive)) {
		if (!(hashed in live)) gone[hashed] = `${today} ${fingerprint}`;
	}
	const forgetBefore = daysBefore(today, GONE_RETENTION_DAYS);
	for (const [hashed, value] of Object.entries(gone)) if (goneEntry(value)!.day < forgetBefore) delete gone[hashed];
	checkLimit(Object.keys(live).length + Object.keys(gone).length);
	return { added, changed, memory: { live, gone } };
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

/**
 * Runs one poll's comparison and keeps its memory only when it succeeded; a full memory becomes an
 * error that names the limit, the memory as it was.
 */
export function rememberOrFail<R extends { memory: WindowMemory | SnapshotMemory }>(ctx: IPollFunctions, name: string, compare: () => R): R {
	let result: R;
	try {
		result = compare();
	} catch (error) {
		if (!(error instanceof MemoryFullError)) throw new NodeOperationError(ctx.getNode(), error as Error);
		throw new NodeOperationError(ctx.getNode(), error.message, {
			description: 'Narrow what the trigger watches, or remove entries from the list; the next poll under the limit delivers what happened meanwhile.',
		});
	}
	writeMemory(ctx, name, result.memory);
	return result;
}

/** The first activation starts from now; this field lets it also deliver the last N days. */
export function includeLastDaysField(what: string): INodeProperties {
	return {
		displayName: 'Include Last Days',
		name: 'includeLastDays',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 365, numberPrecision: 0 },
		default: 0,
		hint: 'Applies only when the workflow is first activated',
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
