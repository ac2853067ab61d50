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
	return objectsIn(document.mspDetailInformation).map((entry, index) => ({
		...entry,
		...context,
		mspEntryNumber: index + 1,
	}));
}
