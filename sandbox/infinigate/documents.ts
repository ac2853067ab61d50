/**
 * Deterministic purchase invoices, credit memos and quotes. Every third invoice is an MSP invoice
 * whose usage detail lives in `mspDetailInformation`; each document starts with a heading line
 * (`lineType: "Text"`) as Infinigate's do.
 */
import { createHash } from 'node:crypto';

export type Json = Record<string, unknown>;

export interface SandboxDocument {
	header: Json;
	lines: Json[];
	mspDetailInformation: Json[];
}

export interface SandboxQuote {
	header: Json;
	lines: Json[];
}

/** A GUID derived from a name, so that the same document keeps the same GUID on every start. */
export function guidOf(name: string): string {
	const hex = createHash('sha1').update(name).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Today as `YYYY-MM-DD` (UTC): the sandbox dates its documents relative to the day it starts. */
export function todayIso(now = new Date()): string {
	return now.toISOString().slice(0, 10);
}

export function addDays(isoDate: string, days: number): string {
	const date = new Date(`${isoDate}T00:00:00Z`);
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
}

const round2 = (value: number): number => Math.round(value * 100) / 100;

const CUSTOMERS = ['Alpenblick GmbH', 'Brunnhofer KG', 'Café Seeblick', 'Dachser Praxis', 'Elbe Logistik AG'];
/** An end customer's domain, as production's `clientName` pair gives it ("alpenblick-gmbh.example"). */
export function customerDomain(customer: string): string {
	return `${customer
		.normalize('NFD')
		.replace(/[^A-Za-z0-9 ]/g, '')
		.trim()
		.toLowerCase()
		.replace(/\s+/g, '-')}.example`;
}

const ITEMS = [
	{ itemNumber: 'U8JN1E', vendorItemNumber: 'NWN-SWI00001', itemDescription: 'Northwind Networks Switch 24-Port', price: 389.0 },
	{ itemNumber: 'U8JM6E', vendorItemNumber: 'FBX-FIR00002', itemDescription: 'Firebox Security Firewall Appliance', price: 1249.0 },
	{ itemNumber: 'K2PQ7Z', vendorItemNumber: 'CLDS-BAC00003', itemDescription: 'Cloudshelf Backup Suite', price: 95.5 },
	{ itemNumber: 'M4TR2B', vendorItemNumber: 'LUMA-ACC00004', itemDescription: 'Lumaport Access Point', price: 179.9 },
];
const MSP_PRODUCTS = [
	{ itemSku: 'MSP-M365-BP', itemDescription: 'Microsoft 365 Business Premium (monthly)', price: 18.6 },
	{ itemSku: 'MSP-BCK-1TB', itemDescription: 'Cloudshelf Managed Backup 1 TB', price: 24.0 },
	{ itemSku: 'MSP-FW-CLOUD', itemDescription: 'Firebox Cloud Firewall per user', price: 3.2 },
];

export function buildDocument(kind: 'invoice' | 'creditMemo', index: number, postingDate: string): SandboxDocument {
	const prefix = kind === 'invoice' ? 'VR24' : 'GS24';
	const documentNumber = `${prefix}-${String(100001 + index)}`;
	const sign = kind === 'invoice' ? 1 : -1;
	const isMsp = index % 3 === 0;
	const lines: Json[] = [
		{ lineNumber: 10000, lineType: 'Text', itemDescription: isMsp ? `MSP usage ${postingDate.slice(0, 7)}` : `Order PO-${1000 + (index % 20)}` },
	];
	const mspDetailInformation: Json[] = [];
	if (isMsp) {
		for (let entry = 0; entry < 2 + (index % 4); entry++) {
			const product = MSP_PRODUCTS[(index + entry) % MSP_PRODUCTS.length];
			const quantity = 5 + ((index * 7 + entry * 3) % 40);
			const customer = CUSTOMERS[(index + entry) % CUSTOMERS.length];
			const month = postingDate.slice(0, 7);
			const [year, monthNumber] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
			const lastDay = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
			const pad = (value: number): string => String(value).padStart(2, '0');
			// Production puts what a reseller books by in `additionalInfos` pairs (public, checked
			// against a production answer): the end customer's domain, the protected object, the
			// contract, the period in US format, and the period again as German text in SiteName.
			mspDetailInformation.push({
				itemSku: product.itemSku,
				itemDescription: product.itemDescription,
				quantity,
				price: round2(sign * product.price * quantity),
				endCustomer: null,
				reseller: 'Sandbox Reseller GmbH',
				contractInformation: null,
				additionalInfos: [
					{ description: 'clientName', value: customerDomain(customer) },
					{ description: 'ObjectName', value: `${customerDomain(customer).split('.')[0]}-srv-0${entry + 1}` },
					{ description: 'vendorContractNumber', value: `CTR-${String(5000 + index * 10 + entry)}` },
					{ description: 'periodStart', value: `${monthNumber}/1/${year} 12:00:00 AM` },
					{ description: 'periodEnd', value: `${monthNumber}/${lastDay}/${year} 12:00:00 AM` },
					{ description: 'SiteName', value: `01.${pad(monthNumber)}.${year} - ${lastDay}.${pad(monthNumber)}.${year}` },
					{ description: 'recommendedEndUserUnitPrice', value: round2(product.price * 1.25) },
				],
			});
		}
		const total = round2(mspDetailInformation.reduce((sum, entry) => sum + Number(entry.price), 0));
		lines.push({
			lineNumber: 20000,
			lineType: 'Item',
			itemNumber: 'MSP-USAGE',
			vendorItemNumber: null,
			itemDescription: 'MSP usage, see details',
			itemDescription2: '',
			fullDescription: 'MSP usage, see details',
			quantity: 1,
			netUnitPrice: total,
			grossExtendedPrice: round2(total * 1.19),
			vatRate: 19,
			additionalInfos: [],
			endCustomerDto: null,
			contractInformationDto: null,
		});
	} else {
		for (let line = 0; line < 1 + (index % 4); line++) {
			const item = ITEMS[(index + line) % ITEMS.length];
			const quantity = 1 + ((index + line) % 5);
			lines.push({
				lineNumber: 20000 + line * 10000,
				lineType: 'Item',
				itemNumber: item.itemNumber,
				vendorItemNumber: item.vendorItemNumber,
				itemDescription: item.itemDescription,
				itemDescription2: '',
				fullDescription: item.itemDescription,
				quantity: sign * quantity,
				netUnitPrice: item.price,
				grossExtendedPrice: round2(sign * item.price * quantity * 1.19),
				vatRate: 19,
				additionalInfos: [{ description: 'Serial numbers', value: `SN${index}${line}000` }],
				endCustomerDto: { name: CUSTOMERS[index % CUSTOMERS.length] },
				contractInformationDto: null,
			});
		}
	}
	const totalGrossAmount = round2(
		lines.reduce((sum, line) => sum + (typeof line.grossExtendedPrice === 'number' ? line.grossExtendedPrice : 0), 0),
	);
	return {
		header: {
			documentGuid: guidOf(`${kind}-${index}`),
			documentNumber,
			postingDate,
			dueDate: addDays(postingDate, 30),
			currencyCode: 'EUR',
			buyerReference: `PO-${1000 + (index % 20)}`,
			externalDocumentNumber: `EXT-${kind === 'invoice' ? 'I' : 'C'}${String(index).padStart(4, '0')}`,
			totalNetAmount: round2(totalGrossAmount / 1.19),
			totalGrossAmount,
			isMsp,
		},
		lines,
		mspDetailInformation,
	};
}

export const INVOICE_COUNT = 60;
export const CREDIT_MEMO_COUNT = 12;

/** Days between two invoices: every month holds about five, so "last month's invoices" always finds some. */
export const INVOICE_SPACING_DAYS = 6;

/**
 * The invoices of the last year, oldest first, the newest posted yesterday: dated relative to today,
 * so that a workflow asking for last month's invoices finds some on any day it runs.
 */
export function generateInvoices(today = todayIso()): SandboxDocument[] {
	return Array.from({ length: INVOICE_COUNT }, (_, index) =>
		buildDocument('invoice', index, addDays(today, -(INVOICE_COUNT - index) * INVOICE_SPACING_DAYS + 5)),
	);
}

/** One credit memo a month over the last year, oldest first. */
export function generateCreditMemos(today = todayIso()): SandboxDocument[] {
	return Array.from({ length: CREDIT_MEMO_COUNT }, (_, index) =>
		buildDocument('creditMemo', index, addDays(today, -(CREDIT_MEMO_COUNT - index) * 30 + 10)),
	);
}

/** What the list endpoints return per document: no lines. */
export function overviewOf(document: SandboxDocument): Json {
	const header = document.header;
	return {
		documentGuid: header.documentGuid,
		documentNumber: header.documentNumber,
		postingDate: header.postingDate,
		dueDate: header.dueDate,
		buyerReference: header.buyerReference,
		externalDocumentNumber: header.externalDocumentNumber,
		totalGrossAmount: header.totalGrossAmount,
		currencyCode: header.currencyCode,
		pdfDocumentGuid: guidOf(`pdf-${String(header.documentNumber)}`),
		mimeType: 'application/pdf',
	};
}

/**
 * The quotes, with the field names of production quote rows (public: a production client's field
 * list "verified against a production dump"; api-contracts.md, Infinigate, "Quote list rows"):
 * `documentVersion` is the revision (the decision bodies call it `documentRevision`), `documentStatus`
 * the state, `canBeAccepted`/`canBeRejected` the service's own word on what is still possible. The
 * detail's header is not public; the sandbox gives it the same names, the likeliest reading.
 * INVENTED: the status values ("Open", "Accepted", "Rejected", "Expired"; production's are not public)
 * and the date format (ISO timestamps, as ASP.NET writes DateTime).
 */
export function generateQuotes(today = todayIso()): SandboxQuote[] {
	return Array.from({ length: 8 }, (_, index) => {
		const item = ITEMS[index % ITEMS.length];
		const quantity = 2 + index;
		const expired = index === 7;
		return {
			header: {
				documentGuid: guidOf(`quote-${index}`),
				documentNumber: `AN24-${String(200001 + index)}`,
				documentVersion: index % 3 === 1 ? 2 : 1,
				buyerReference: `PO-${2000 + index}`,
				externalDocumentNumber: `EXT-Q${String(index).padStart(4, '0')}`,
				documentCreated: `${addDays(today, index * 3 - 28)}T09:30:00`,
				documentValidUntil: `${expired ? addDays(today, -1) : addDays(today, index * 3 + 2)}T00:00:00`,
				documentStatus: expired ? 'Expired' : 'Open',
				businessType: 'Standard',
				vendorCode: item.vendorItemNumber.split('-')[0],
				manufacturerName: item.itemDescription.split(' ')[0],
				total: round2(item.price * quantity),
				currencyCode: 'EUR',
				canBeAccepted: !expired,
				canBeRejected: !expired,
				salesContact: { name: 'Sandra Vogel', email: 'sandra.vogel@infinigate.example' },
			},
			lines: [
				{
					lineNumber: 10000,
					lineType: 'Item',
					itemNumber: item.itemNumber,
					vendorItemNumber: item.vendorItemNumber,
					itemDescription: item.itemDescription,
					quantity,
					netUnitPrice: item.price,
				},
			],
		};
	});
}

/** The fields of a production quote list row (public); the detail adds the lines. */
const QUOTE_ROW_FIELDS = [
	'documentGuid',
	'documentNumber',
	'documentVersion',
	'buyerReference',
	'externalDocumentNumber',
	'documentCreated',
	'documentValidUntil',
	'documentStatus',
	'businessType',
	'vendorCode',
	'manufacturerName',
	'total',
	'currencyCode',
	'canBeAccepted',
	'canBeRejected',
	'salesContact',
] as const;

export function quoteOverviewOf(quote: SandboxQuote): Json {
	return Object.fromEntries(QUOTE_ROW_FIELDS.map((name) => [name, quote.header[name] ?? null]));
}
