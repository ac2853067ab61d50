/**
 * What the Infinigate Trigger watches: new purchase invoices and credit memos (lists asked by
 * posting period, remembered in a dated window by the same posting date) and new or changed purchase
 * quotes (a list read whole, remembered as a snapshot of each quote's revision and status, read by
 * the names production answers with first).
 */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { SnapshotMemory, WindowMemory } from '../../shared/polling';
import { dayOf, daysBefore, diffSnapshot, isoDay, takeNewInWindow, windowStart } from '../../shared/polling';
import { triggerOverrideField, triggerOverridePath } from '../../shared/triggerOverrides';
import { checkText } from '../../shared/validation';
import { DOCUMENT_PATHS, PURCHASE_QUOTE_PATH, PURCHASE_QUOTE_SUFFIXES } from '../endpoints';
import { DOCUMENT_LATE_DAYS, DOCUMENT_PAGE_SIZE } from '../guesses';
import { checkLocation } from '../helpers/fields';
import { QUOTES_LOCATION_ALTERNATIVE, withLocationAdviceNaming } from '../helpers/guessOptions';
import { quoteCreated, quoteRevision, quoteStatus } from '../helpers/quoteFields';
import { apiRequestAllItems } from '../transport';

export type InfinigateEvent = 'newPurchaseInvoice' | 'newPurchaseCreditMemo' | 'newOrChangedPurchaseQuote';

/** How far back the manual test looks for a recent document. */
const MANUAL_LOOKBACK_DAYS = 90;

export const DOCUMENT_SEGMENTS = {
	newPurchaseInvoice: { segment: 'purchaseinvoice', noun: 'purchase invoice' },
	newPurchaseCreditMemo: { segment: 'purchasecreditmemo', noun: 'credit memo' },
} as const;

const ALL = { returnAll: true, limit: 0, pageSize: DOCUMENT_PAGE_SIZE };

/**
 * The day a document is listed by: its posting date, the field `PeriodStart` filters on. A document
 * dated by any other field could fall before the next query's start while still being listed, and
 * be new on every poll.
 */
export function postingDayOf(document: IDataObject): string {
	return dayOf(document.postingDate);
}

export function documentKey(document: IDataObject): string {
	return String(document.documentGuid ?? document.documentNumber ?? '');
}

export async function listDocuments(
	ctx: IPollFunctions,
	event: keyof typeof DOCUMENT_SEGMENTS,
	version: 'v1' | 'v2',
	from: string,
): Promise<IDataObject[]> {
	return await apiRequestAllItems(
		ctx,
		'GET',
		DOCUMENT_PATHS[version].list,
		{ pathParams: { documentType: DOCUMENT_SEGMENTS[event].segment }, qs: { PeriodStart: from } },
		ALL,
		0,
	);
}

/**
 * Every purchase quote, from the trigger's Quotes Address: in API Overrides from version 1.1 on, in
 * Options in version 1. A wrong one, or an address the account does not serve, is named where it is.
 */
export async function listQuotes(ctx: IPollFunctions): Promise<IDataObject[]> {
	const field = triggerOverrideField(ctx, 'Quotes Address');
	const text = checkText(ctx.getNodeParameter(triggerOverridePath(ctx, 'quotesLocation'), PURCHASE_QUOTE_PATH));
	const location = text.ok ? checkLocation(text.value, PURCHASE_QUOTE_PATH) : text;
	if (!location.ok) throw new NodeOperationError(ctx.getNode(), `${field} ${location.problem}`);
	try {
		return await apiRequestAllItems(ctx, 'GET', location.value + PURCHASE_QUOTE_SUFFIXES.list, {}, ALL, 0);
	} catch (error) {
		throw withLocationAdviceNaming(error, field, QUOTES_LOCATION_ALTERNATIVE);
	}
}

/**
 * Lists the documents posted since the memory's window start; the comparison is returned to run
 * once the list was read, so that a list that fails leaves the memory as it was.
 */
export async function newDocuments(
	ctx: IPollFunctions,
	event: keyof typeof DOCUMENT_SEGMENTS,
	version: 'v1' | 'v2',
	memory: WindowMemory | undefined,
	includeLastDays: number,
	now: Date,
): Promise<() => { fresh: IDataObject[]; memory: WindowMemory }> {
	const from = windowStart(memory, now, DOCUMENT_LATE_DAYS, includeLastDays);
	const listed = await listDocuments(ctx, event, version, from);
	return () =>
		takeNewInWindow(memory, listed, (document) => ({ key: documentKey(document), day: postingDayOf(document) }), now, {
			overlapDays: DOCUMENT_LATE_DAYS,
			includeLastDays,
		});
}

const UNREADABLE_FINGERPRINT = JSON.stringify([null, null]);

export function quoteFingerprint(quote: IDataObject): string {
	return JSON.stringify([quoteRevision(quote) ?? null, quoteStatus(quote) ?? null]);
}

/** The revision and status a fingerprint holds; nothing when the memory kept only its hash. */
function fingerprintParts(fingerprint: string | undefined): unknown[] {
	try {
		const parts: unknown = JSON.parse(fingerprint ?? '');
		return Array.isArray(parts) ? parts : [];
	} catch {
		return [];
	}
}

export function newOrChangedQuotes(
	memory: SnapshotMemory | undefined,
	quotes: IDataObject[],
	includeLastDays: number,
	now: Date,
): { events: IDataObject[]; memory: SnapshotMemory } {
	const since = includeLastDays > 0 ? daysBefore(isoDay(now), includeLastDays) : undefined;
	const diff = diffSnapshot(
		memory,
		quotes,
		(quote) => ({ key: documentKey(quote), fingerprint: quoteFingerprint(quote) }),
		(quote) => since !== undefined && dayOf(quoteCreated(quote)) >= since,
		now,
	);
	const events = [
		...diff.added.map(({ entry }) => ({ event: 'newPurchaseQuote', ...entry })),
		// A fingerprint in which nothing could be read (a memory written before the trigger read the
		// production names) is no evidence of a change: the quote is remembered anew, not delivered.
		...diff.changed.filter(({ previous }) => previous !== UNREADABLE_FINGERPRINT).map(({ entry, previous }) => {
			const [previousRevision, previousStatus] = fingerprintParts(previous);
			return { event: 'changedPurchaseQuote', ...entry, previousRevision, previousStatus } as IDataObject;
		}),
	];
	return { events, memory: diff.memory };
}

/** The most recent document of the last MANUAL_LOOKBACK_DAYS days, for "Fetch Test Event". */
export async function latestDocument(
	ctx: IPollFunctions,
	event: keyof typeof DOCUMENT_SEGMENTS,
	version: 'v1' | 'v2',
	now: Date,
): Promise<IDataObject | undefined> {
	const listed = await listDocuments(ctx, event, version, daysBefore(isoDay(now), MANUAL_LOOKBACK_DAYS));
	return latestBy(listed, postingDayOf);
}

export function latestBy(entries: IDataObject[], dayOfEntry: (entry: IDataObject) => string): IDataObject | undefined {
	let latest: IDataObject | undefined;
	for (const entry of entries) if (!latest || dayOfEntry(entry) >= dayOfEntry(latest)) latest = entry;
	return latest;
}

export { MANUAL_LOOKBACK_DAYS };
