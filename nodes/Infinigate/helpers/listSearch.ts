/**
 * The "From list" choices of the editor's resource locators: purchase quotes, invoices and credit
 * memos by number, and manufacturers by name. Each filters by what the user types, case-insensitively.
 */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult, INodeProperties } from 'n8n-workflow';

import type { RequestContext } from '../../shared/request';
import { DOCUMENT_PATHS, MANUFACTURER_LIST_PATH, PURCHASE_QUOTE_PATH } from '../endpoints';
import { DOCUMENT_PAGE_SIZE, readListPage, readManufacturers } from '../guesses';
import { apiRequest, apiRequestAllItems } from '../transport';
import type { ApiVersion, DocumentKind } from './documentKinds';
import { API_VERSIONS, PURCHASE_CREDIT_MEMO, PURCHASE_INVOICE } from './documentKinds';
import { dateInZone } from './dates';
import { quoteRevision, quoteStatus } from './quoteFields';
import { overridePath } from '../../shared/descriptions';

const matches = (text: string, filter?: string): boolean =>
	filter === undefined || filter.trim() === '' || text.toLowerCase().includes(filter.trim().toLowerCase());

/** The quotes location the node is set to, when the editor can read it; else the default. */
function quotesLocation(ctx: ILoadOptionsFunctions): string {
	try {
		const value = ctx.getNodeParameter(overridePath(ctx, 'quotesLocation'), PURCHASE_QUOTE_PATH) as unknown;
		return typeof value === 'string' && /^\/[A-Za-z0-9/_.-]*$/.test(value) && !value.split('/').some((part) => /^\.+$/.test(part))
			? value.replace(/\/+$/, '')
			: PURCHASE_QUOTE_PATH;
	} catch {
		return PURCHASE_QUOTE_PATH;
	}
}

/** An answer the picker cannot read says so in the editor, instead of showing an empty list. */
function unreadableList(what: string): Error {
	return new Error(`Infinigate answered ${what} in a shape the node cannot read; the list cannot be shown. Type the value instead.`);
}

export async function searchPurchaseQuotes(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const body = await apiRequest(this, 'GET', quotesLocation(this), { qs: { Take: 200, Skip: 0 } }, 0);
	const page = readListPage(body);
	if (page === undefined) throw unreadableList('the quote list');
	const results = page.items
		.filter((quote): quote is IDataObject & { documentNumber: string } => typeof quote.documentNumber === 'string')
		.map((quote) => ({ quote, status: quoteStatus(quote), revision: quoteRevision(quote) }))
		.filter(({ quote, status }) => matches(`${quote.documentNumber} ${status ?? ''}`, filter))
		.map(({ quote, status, revision }) => ({
			name: [quote.documentNumber, status, revision !== undefined ? `revision ${revision}` : undefined]
				.filter((part) => part !== undefined && part !== '')
				.join(' · '),
			value: quote.documentNumber,
		}));
	return { results };
}

/** A value the node is set to, when the editor can read it and it passes `accept`; else the fallback. */
function currentParameter<T>(ctx: ILoadOptionsFunctions, name: string, accept: (value: unknown) => value is T, fallback: T): T {
	try {
		const value = ctx.getNodeParameter(name, fallback) as unknown;
		return accept(value) ? value : fallback;
	} catch {
		return fallback;
	}
}

/** How far back From List looks for invoices and credit memos: the list needs a period, and a year covers what one picks by hand. */
const DOCUMENT_LIST_DAYS = 365;

/**
 * The invoices or credit memos of the last 12 months, newest first, at the API Version and Page
 * Size the node is set to. The value is the document number, so that By Number keeps the pick.
 */
async function searchDocuments(ctx: ILoadOptionsFunctions, kind: DocumentKind, filter?: string): Promise<INodeListSearchResult> {
	const version = currentParameter(ctx, 'options.apiVersion', (value): value is ApiVersion => API_VERSIONS.includes(value as ApiVersion), 'v2');
	const pageSize = currentParameter(
		ctx,
		overridePath(ctx, 'pageSize'),
		(value): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 1000,
		DOCUMENT_PAGE_SIZE,
	);
	const timezone = ctx.getTimezone();
	const periodEnd = dateInZone(new Date(), timezone);
	const periodStart = dateInZone(new Date(Date.now() - DOCUMENT_LIST_DAYS * 86_400_000), timezone);
	const documents = await apiRequestAllItems(
		// The list searches' context has every helper the door uses (see apiRequest).
		ctx as unknown as RequestContext,
		'GET',
		DOCUMENT_PATHS[version].list,
		{ pathParams: { documentType: kind.segment }, qs: { PeriodStart: periodStart, PeriodEnd: periodEnd } },
		{ returnAll: true, limit: 0, pageSize },
		0,
	);
	const postingDate = (document: IDataObject): string => (typeof document.postingDate === 'string' ? document.postingDate.slice(0, 10) : '');
	const results = documents
		.filter((document): document is IDataObject & { documentNumber: string } => typeof document.documentNumber === 'string')
		.filter((document) => matches(document.documentNumber, filter))
		.sort((a, b) => postingDate(b).localeCompare(postingDate(a)))
		.map((document) => ({
			name: [document.documentNumber, postingDate(document)].filter((part) => part !== '').join(' · '),
			value: document.documentNumber,
		}));
	return { results };
}

export async function searchPurchaseInvoices(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await searchDocuments(this, PURCHASE_INVOICE, filter);
}

export async function searchPurchaseCreditMemos(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await searchDocuments(this, PURCHASE_CREDIT_MEMO, filter);
}

export async function searchManufacturers(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const text = await apiRequest<string>(this, 'GET', MANUFACTURER_LIST_PATH, { expect: 'text' }, 0);
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		body = undefined;
	}
	const manufacturers = readManufacturers(body);
	if (manufacturers === undefined) throw unreadableList('the manufacturer list');
	const results = manufacturers
		.map((manufacturer) => manufacturer.manufacturerName)
		.filter((name): name is string => typeof name === 'string' && matches(name, filter))
		.map((name) => ({ name, value: name }));
	return { results };
}

/**
 * A resource locator that also takes the plain text saved by earlier versions of the node (the
 * parameter keeps its name, and a plain string is read as "By ID").
 */
export function pickFromList(
	base: Pick<INodeProperties, 'displayName' | 'name' | 'description' | 'displayOptions'>,
	searchListMethod: string,
	idMode: { displayName: string; placeholder: string },
): INodeProperties {
	return {
		...base,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod, searchable: true },
			},
			{ displayName: idMode.displayName, name: 'id', type: 'string', placeholder: idMode.placeholder },
		],
	};
}
