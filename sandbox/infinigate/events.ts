/**
 * What happens at Infinigate while a trigger watches: documents are posted, quotes appear and are
 * revised. Tests call these on `sandbox.state.infinigate`; each returns what the lists will show.
 */
import type { SandboxDocument, SandboxQuote } from './documents';
import { buildDocument, generateQuotes, guidOf } from './documents';

interface DocumentLists {
	invoices: SandboxDocument[];
	creditMemos: SandboxDocument[];
	quotes: SandboxQuote[];
}

const today = (): string => new Date().toISOString().slice(0, 10);

/** Documents added here get numbers far above the generated ones, so that they never collide. */
const ADDED_INDEX_BASE = 5000;

export interface InfinigateEvents {
	/** Posts a new purchase invoice dated `postingDate` (YYYY-MM-DD, today by default). */
	addInvoice(postingDate?: string): SandboxDocument;
	/** Posts a new credit memo dated `postingDate` (today by default). */
	addCreditMemo(postingDate?: string): SandboxDocument;
	/** A new open quote created on `documentDate` (YYYY-MM-DD, today by default), as its `documentCreated`. */
	addQuote(documentDate?: string): SandboxQuote;
	/** Infinigate revises a quote: its revision goes up by one. */
	reviseQuote(documentNumber: string): SandboxQuote;
}

export function infinigateEvents(lists: DocumentLists): InfinigateEvents {
	return {
		addInvoice(postingDate = today()) {
			const document = buildDocument('invoice', ADDED_INDEX_BASE + lists.invoices.length, postingDate);
			lists.invoices.push(document);
			return document;
		},
		addCreditMemo(postingDate = today()) {
			const document = buildDocument('creditMemo', ADDED_INDEX_BASE + lists.creditMemos.length, postingDate);
			lists.creditMemos.push(document);
			return document;
		},
		addQuote(documentDate = today()) {
			const index = ADDED_INDEX_BASE + lists.quotes.length;
			const template = generateQuotes()[0];
			const quote: SandboxQuote = {
				header: {
					...template.header,
					documentGuid: guidOf(`quote-${index}`),
					documentNumber: `AN24-${String(200001 + index)}`,
					documentVersion: 1,
					documentCreated: `${documentDate}T09:30:00`,
					documentStatus: 'Open',
					canBeAccepted: true,
					canBeRejected: true,
				},
				lines: template.lines.map((line) => ({ ...line })),
			};
			lists.quotes.push(quote);
			return quote;
		},
		reviseQuote(documentNumber) {
			const quote = lists.quotes.find((entry) => entry.header.documentNumber === documentNumber);
			if (!quote) throw new Error(`No quote ${documentNumber} in the sandbox`);
			quote.header.documentVersion = Number(quote.header.documentVersion) + 1;
			return quote;
		},
	};
}
