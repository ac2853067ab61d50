/**
 * What Check Setup checks in the Infinigate Reseller API: the documented reads (the price-list
 * count also proves the credential), and every guess of guesses.ts that the answer of a GET can
 * show. The guessed writes and limits are listed, never tried.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { CREDENTIAL_TEST_SEARCH_TERM } from '../../credentials/common/infinigate';
import type { CheckRequest, Reading, SetupCheck } from '../shared/checkSetup';
import { firstEntry } from '../shared/checkSetup';
import { readText } from '../shared/validation';
import {
	DOCUMENT_PATHS,
	MANUFACTURER_LIST_PATH,
	PRICE_LIST_BY_SKU_PATH,
	PRICE_LIST_COUNT_PATH,
	PRICE_LIST_SEARCH_PATH,
	PURCHASE_QUOTE_PATH,
	PURCHASE_QUOTE_SUFFIXES,
} from './endpoints';
import {
	documentDateOf,
	QUOTE_REQUEST_PATH,
	readCount,
	readListPage,
	readManufacturers,
} from './guesses';
import { today } from './helpers/fields';
import { QUOTES_LOCATION_ALTERNATIVE, readQuotesLocation } from './helpers/guessOptions';

const COUNT = 'Credential and price-list count';
const INVOICES = 'Purchase invoice list';
const QUOTES = 'Quotes address';

/** A SKU no distributor issues, to see how a look-up that finds nothing answers. */
const UNKNOWN_SKU = 'CHECK-SETUP-NO-SUCH-SKU';

/** How far back the document lists are asked: long enough to find one document, with Take=1. */
const DOCUMENT_WINDOW_DAYS = 365;

function documentList(ctx: IExecuteFunctions, documentType: string): CheckRequest {
	const end = today(ctx);
	const start = new Date(Date.parse(`${end}T00:00:00Z`) - DOCUMENT_WINDOW_DAYS * 86_400_000).toISOString().slice(0, 10);
	return {
		path: DOCUMENT_PATHS[apiVersion(ctx)].list,
		pathParams: { documentType },
		qs: { PeriodStart: start, PeriodEnd: end, Take: 1 },
	};
}

function apiVersion(ctx: IExecuteFunctions): 'v1' | 'v2' {
	return readText(ctx, 'options.apiVersion', 'API Version', 0) === 'v1' ? 'v1' : 'v2';
}

/** A list the node reads: a bare array of objects, or an object holding one under a known key. */
function readsAsList(body: unknown): Reading {
	return readListPage(body) !== undefined
		? { ok: true }
		: { ok: false, problem: 'No list where the node looks for one (a bare list of objects, or result/items/data/value).' };
}

function documentGuidOf(body: unknown): string | undefined {
	const guid = firstEntry(body)?.documentGuid;
	return typeof guid === 'string' && guid !== '' ? guid : undefined;
}

const sizeLimit = (name: string, covers: string[], field?: string): SetupCheck => ({
	name,
	kind: 'guess',
	covers,
	method: 'GET',
	field,
	reason: 'Not checked: a size limit shows only when a request that large is sent, and Check Setup sends small ones. If Infinigate refuses large requests (HTTP 400), lower this.',
});

export const checks: readonly SetupCheck[] = [
	{
		name: COUNT,
		kind: 'documented',
		covers: ['readCount'],
		credentials: true,
		field: 'Credential → API Key, Client ID, Client Secret, Environment',
		request: () => ({ path: PRICE_LIST_COUNT_PATH, pathParams: { term: CREDENTIAL_TEST_SEARCH_TERM } }),
		read: (body) =>
			readCount(body) !== undefined
				? { ok: true }
				: { ok: false, problem: 'The count came in a shape the node does not read (a number or {count}); please report the answerShape.' },
	},
	{
		name: 'Price-list search',
		kind: 'documented',
		covers: ['readListPage'],
		alwaysAnswers: true,
		request: () => ({ path: PRICE_LIST_SEARCH_PATH, pathParams: { term: CREDENTIAL_TEST_SEARCH_TERM }, qs: { Take: 1 } }),
		read: readsAsList,
	},
	{
		name: 'Manufacturer list',
		kind: 'public',
		covers: ['readManufacturers'],
		alwaysAnswers: true,
		request: () => ({ path: MANUFACTURER_LIST_PATH }),
		read: (body) =>
			readManufacturers(body) !== undefined
				? { ok: true }
				: { ok: false, problem: 'No manufacturer the node can read; please report the answerShape.' },
	},
	{
		name: 'SKU look-up that finds nothing',
		kind: 'guess',
		covers: ['SKU_LOOKUP_EMPTY_STATUSES'],
		notFoundMeansKnownAddress: true,
		request: () => ({ path: PRICE_LIST_BY_SKU_PATH, qs: { no: UNKNOWN_SKU } }),
		read: (body) =>
			readListPage(body)?.items.length === 0
				? { ok: true }
				: { ok: false, problem: 'A look-up of an unknown SKU answered something other than an empty list or "not found".' },
	},
	{
		name: INVOICES,
		kind: 'documented',
		covers: [],
		alwaysAnswers: true,
		field: 'Options → API Version',
		suggestion: 'Try the other Options → API Version (v1 is the 2023 guide, v2 current public code).',
		request: ({ ctx }) => documentList(ctx, 'purchaseinvoice'),
		read: readsAsList,
	},
	{
		name: 'Purchase credit memo list',
		kind: 'public',
		covers: [],
		alwaysAnswers: true,
		field: 'Options → API Version',
		suggestion: 'Try the other Options → API Version (v1 is the 2023 guide, v2 current public code).',
		request: ({ ctx }) => documentList(ctx, 'purchasecreditmemo'),
		read: readsAsList,
	},
	{
		name: 'Invoice date field',
		kind: 'guess',
		covers: ['documentDateOf'],
		suggestion: 'Not a field yet: please report the answerShape, so that the node learns which header field dates a document.',
		request: async ({ ctx, answerOf }) => {
			const guid = documentGuidOf(await answerOf(INVOICES));
			if (guid === undefined) return `No invoice in the last ${DOCUMENT_WINDOW_DAYS} days to read a header from.`;
			return { path: DOCUMENT_PATHS[apiVersion(ctx)].byGuid, pathParams: { documentType: 'purchaseinvoice', documentGuid: guid }, valuesFromAnswers: ['documentGuid'] };
		},
		read: (body) => {
			const header = body !== null && typeof body === 'object' ? (body as { header?: unknown }).header : undefined;
			if (header === null || typeof header !== 'object') return { ok: false, problem: 'The invoice has no header object.' };
			return documentDateOf(header as Record<string, never>) !== undefined
				? { ok: true }
				: { ok: false, problem: 'The header has neither documentDate nor postingDate.' };
		},
	},
	{
		name: QUOTES,
		kind: 'public',
		covers: [],
		alwaysAnswers: true,
		field: 'Options → Quotes Address',
		suggestion: `Set Options → Quotes Address (here and in the quote operations and the trigger) to ${QUOTES_LOCATION_ALTERNATIVE}, where earlier public code found quotes.`,
		request: ({ ctx }) => ({ path: readQuotesLocation(ctx, 0), qs: { Take: 1 } }),
		read: readsAsList,
	},
	{
		name: 'Quote by ID',
		kind: 'public',
		covers: [],
		field: 'Options → Quotes Address',
		suggestion: `Set Options → Quotes Address (here and in the quote operations) to ${QUOTES_LOCATION_ALTERNATIVE}.`,
		request: async ({ ctx, answerOf }) => {
			const guid = documentGuidOf(await answerOf(QUOTES));
			if (guid === undefined) return 'No quote in the quote list to ask for by its ID.';
			return { path: `${readQuotesLocation(ctx, 0)}${PURCHASE_QUOTE_SUFFIXES.byGuid}`, pathParams: { documentGuid: guid }, valuesFromAnswers: ['documentGuid'] };
		},
		read: (body) =>
			body !== null && typeof body === 'object' && !Array.isArray(body) ? { ok: true } : { ok: false, problem: 'One quote was expected as a JSON object.' },
	},
	{
		name: 'Accept or reject a quote (a write)',
		kind: 'public',
		covers: ['QUOTE_DECIDED_STATUSES'],
		method: 'POST',
		path: `${PURCHASE_QUOTE_PATH}${PURCHASE_QUOTE_SUFFIXES.accept}`,
		field: 'Options → Quotes Address',
		reason: 'Not checked (a write): Check Setup never accepts or rejects a quote. The status values that prove a decision show only after one.',
	},
	{
		name: 'Request a quote (a write)',
		kind: 'guess',
		covers: ['QUOTE_REQUEST_PATH'],
		method: 'POST',
		path: QUOTE_REQUEST_PATH,
		field: 'Options → Quote Request Address',
		reason: 'Not checked (a write): Check Setup never requests a quote. If Request fails with "not found", try /order-management/v2/purchaseorder/request.',
	},
	sizeLimit('Price-list page size', ['PRICE_LIST_PAGE_SIZE', 'PRICE_LIST_COUNTED_TAKE'], 'Options → Page Size'),
	sizeLimit('Document page size', ['DOCUMENT_PAGE_SIZE'], 'Options → Page Size'),
	sizeLimit('SKUs per look-up', ['MAX_SKU_QUERY_LENGTH', 'MAX_SKUS_PER_REQUEST'], 'Options → SKUs per Request'),
	{
		name: 'Late documents (trigger)',
		kind: 'guess',
		covers: ['DOCUMENT_LATE_DAYS'],
		method: 'GET',
		reason: 'Not checked: how late a document appears shows only over days of polling, not in one answer.',
	},
];
