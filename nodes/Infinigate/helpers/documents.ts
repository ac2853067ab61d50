/**
 * The output shapes of invoices and credit memos: the document as returned, one item per line, or one
 * item per MSP usage entry. Line and usage items carry the document's number, date and currency so
 * that each one can go straight into an accounting system without a lookup.
 */
import type { IDataObject } from 'n8n-workflow';

import { documentDateOf } from '../guesses';

export type DocumentOutput = 'document' | 'lines' | 'mspDetails';

export interface ShapeOptions {
	output: DocumentOutput;
	/** `purchaseInvoice` or `purchaseCreditMemo`, so that mixed streams stay tellable apart. */
	documentType: string;
	/** Heading lines (`lineType: "Text"`) carry no amount; accounting usually wants them left out. */
	includeTextLines: boolean;
	/** MSP `additionalInfos` pairs as fields of each usage item (from version 1.1 on; version 1 keeps its items as they were). */
	mspInfosAsFields?: boolean;
	/** The GUID the document was fetched by, when the details do not repeat it. */
	documentGuid?: string;
}

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objectsIn(value: unknown): IDataObject[] {
	return Array.isArray(value) ? value.filter(isObject) : [];
}

/** The fields every line or usage item repeats from its document. */
export function documentContext(document: IDataObject, options: ShapeOptions): IDataObject {
	const header = isObject(document.header) ? document.header : document;
	const context: IDataObject = {
		documentType: options.documentType,
		documentNumber: header.documentNumber ?? document.documentNumber,
		documentDate: documentDateOf(header) ?? null,
		currencyCode: header.currencyCode ?? null,
	};
	const guid = header.documentGuid ?? document.documentGuid ?? options.documentGuid;
	if (guid !== undefined) context.documentGuid = guid;
	return context;
}

export function shapeDocument(document: IDataObject, options: ShapeOptions): IDataObject[] {
	if (options.output === 'document') return [document];
	const context = documentContext(document, options);
	if (options.output === 'lines') {
		return objectsIn(document.lines)
			.filter((line) => options.includeTextLines || String(line.lineType ?? '').toLowerCase() !== 'text')
			// The document's number and date first: what a person reads first in a table of lines.
			.map((line) => ({ documentNumber: context.documentNumber, documentDate: context.documentDate, ...line, ...context }));
	}
	return objectsIn(document.mspDetailInformation).map((entry, index) => {
		const item: IDataObject = { ...entry, ...context, mspEntryNumber: index + 1 };
		return options.mspInfosAsFields ? { ...item, ...namedInfos(entry.additionalInfos, item) } : item;
	});
}

/**
 * An MSP usage entry's `additionalInfos` pairs `{description, value}` as fields of the item, so that a
 * workflow can book per end customer without a Code node. Production (public, checked against a
 * production answer; api-contracts.md, Infinigate, "MSP usage detail") names them `clientName` (the
 * end customer's domain), `ClientName` (a short code, backup products), `ObjectName`,
 * `vendorContractNumber`, `periodStart`, `periodEnd`, `SiteName` and `recommendedEndUserUnitPrice`.
 * A pair never replaces a field the entry or its document already has; the first of two pairs with
 * the same description wins. The raw `additionalInfos` stay on the item.
 *
 * The period comes in two production formats: `periodStart`/`periodEnd` in US format
 * (`6/1/2026 12:00:00 AM`), and `SiteName` as German text (`01.08.2026 - 31.08.2026`). Both become
 * `periodStart`/`periodEnd` as ISO dates (`2026-06-01`); a value in neither format stays as it came.
 */
export function namedInfos(infos: unknown, taken: IDataObject): IDataObject {
	const named: IDataObject = {};
	for (const pair of objectsIn(infos)) {
		const name = typeof pair.description === 'string' ? pair.description.trim() : '';
		if (name === '' || name in taken || name in named) continue;
		named[name] = pair.value ?? null;
	}
	for (const name of ['periodStart', 'periodEnd'] as const) {
		if (typeof named[name] === 'string') named[name] = usDate(named[name] as string) ?? named[name];
	}
	const period = typeof named.SiteName === 'string' ? germanPeriod(named.SiteName) : undefined;
	if (period !== undefined) {
		if (!('periodStart' in named) && !('periodStart' in taken)) named.periodStart = period.start;
		if (!('periodEnd' in named) && !('periodEnd' in taken)) named.periodEnd = period.end;
	}
	return named;
}

function isoDate(year: number, month: number, day: number): string | undefined {
	const date = new Date(Date.UTC(year, month - 1, day));
	if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `6/1/2026 12:00:00 AM` (month/day/year, as .NET writes en-US dates) as `2026-06-01`. */
export function usDate(text: string): string | undefined {
	const match = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?)?\s*$/i.exec(text);
	return match ? isoDate(Number(match[3]), Number(match[1]), Number(match[2])) : undefined;
}

/** `01.08.2026 - 31.08.2026` (day.month.year, German) as `{start: '2026-08-01', end: '2026-08-31'}`. */
export function germanPeriod(text: string): { start: string; end: string } | undefined {
	const match = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*[-–]\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$/.exec(text);
	if (!match) return undefined;
	const start = isoDate(Number(match[3]), Number(match[2]), Number(match[1]));
	const end = isoDate(Number(match[6]), Number(match[5]), Number(match[4]));
	return start !== undefined && end !== undefined ? { start, end } : undefined;
}
