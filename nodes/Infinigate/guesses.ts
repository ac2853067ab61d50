/**
 * Everything this node assumes about the Infinigate Reseller API that neither the 2023
 * getting-started guide (Benutzung der Infinigate Reseller API, German) nor public client code
 * confirms. Each value is a GUESS; the comment says where the fact would come from. The Swagger
 * document Infinigate hands out with an API account would settle all of them. Correct them here and
 * nowhere else.
 */
import type { IDataObject } from 'n8n-workflow';

/**
 * GUESS: a `Take` the price-list search surely serves, asked when the node does not know how many
 * products match (a Limit of up to this many). Neither the guide nor public code names a maximum.
 * Fact from: the Swagger document (a `maximum` on Take), or one search with Take=1000.
 * Users correct it with Options → Page Size.
 */
export const PRICE_LIST_PAGE_SIZE = 100;

/**
 * GUESS: the `Take` asked once the count endpoint has said how many products match (Return All, or
 * a Limit above PRICE_LIST_PAGE_SIZE). Asking more than the service serves costs nothing then: it
 * answers its own largest page and the node continues where that page ended (see transport.ts), so
 * a whole price list takes as many requests as the service's largest page allows, plus the count.
 * Wrong only if the service refused a Take this large instead of capping it (HTTP 400): then lower it.
 */
export const PRICE_LIST_COUNTED_TAKE = 1000;

/** GUESS: the largest `Take` of the invoice, credit memo and quote lists. Same source as above. */
export const DOCUMENT_PAGE_SIZE = 50;

/**
 * GUESS: how long the query string of one SKU look-up may grow. The SKU endpoints take repeated
 * `no=` parameters; IIS (under Azure App Service, the likely host) refuses query strings longer than
 * 2048 bytes by default, and Azure API Management adds its own limits. 1800 leaves room for a proxy.
 * Fact from: a look-up with a long list of SKUs against the real service.
 */
export const MAX_SKU_QUERY_LENGTH = 1800;

/**
 * GUESS: at most this many SKUs in one look-up, whatever their length (Options → SKUs per Request).
 * The query-string bound above is the known limit and decides first for SKUs of the usual length
 * (under ten characters: about 180 per look-up); this only stops a look-up of very short SKUs from
 * growing without end. Fact from: the Swagger document (a `maxItems` on `no`), or a look-up of 200 SKUs.
 */
export const MAX_SKUS_PER_REQUEST = 200;

/**
 * GUESS: the shape of the manufacturer list. Public client code calls it "a list of all manufacturer
 * names"; a bare list of names, a list of objects, or either inside `{result: [...]}` are all read.
 * Each becomes one item `{manufacturerName, ...}`. Any other shape, or an entry that is neither a
 * name nor an object, is unreadable: undefined, never an empty list.
 */
export function readManufacturers(body: unknown): IDataObject[] | undefined {
	const list = Array.isArray(body) ? body : envelopeList(body)?.list;
	if (list === undefined) return undefined;
	const manufacturers: IDataObject[] = [];
	for (const entry of list as unknown[]) {
		if (typeof entry === 'string') {
			if (entry.trim() !== '') manufacturers.push({ manufacturerName: entry });
		} else if (entry !== null && typeof entry === 'object' && !Array.isArray(entry)) {
			const object = entry as IDataObject;
			const name = object.manufacturerName ?? object.name ?? object.vendorName;
			manufacturers.push(typeof name === 'string' ? { manufacturerName: name, ...object } : object);
		} else return undefined;
	}
	return manufacturers;
}

/**
 * GUESS: the shape of `GET …/pricelist/search/count/{term}`. The guide only says it tells "how many
 * entries there are"; an ASP.NET action returning `Ok(count)` gives a bare number, a DTO gives
 * `{count}` or `{totalCount}`. All of these are read; anything else is undefined.
 */
export function readCount(body: unknown): number | undefined {
	if (typeof body === 'number' && Number.isFinite(body)) return body;
	if (typeof body === 'string' && /^\s*\d+\s*$/.test(body)) return Number(body);
	if (body !== null && typeof body === 'object' && !Array.isArray(body)) {
		const object = body as IDataObject;
		for (const key of ['count', 'totalCount', 'total', 'Count', 'TotalCount']) {
			if (typeof object[key] === 'number') return object[key] as number;
		}
	}
	return undefined;
}

/** The list inside a known envelope, and the envelope's `count`; undefined for any other shape. */
function envelopeList(body: unknown): { list: unknown[]; count?: number } | undefined {
	if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const object = body as IDataObject;
	for (const key of ['result', 'results', 'items', 'data', 'value']) {
		if (Array.isArray(object[key])) {
			return { list: object[key] as unknown[], count: typeof object.count === 'number' ? object.count : undefined };
		}
	}
	return undefined;
}

/**
 * GUESS (public code accepts both): price-list answers are a bare array or `{result: [...]}`; the
 * document lists are `{count, result: [...]}`. `count` is read as the number of matches, but the
 * node never trusts it to stop paging early, only to keep going past a short page. Any other
 * shape, or a list holding anything but objects (`{"result":[null]}`), is unreadable: undefined,
 * which the callers turn into an error naming the item, never into "nothing found".
 */
export function readListPage(body: unknown): { items: IDataObject[]; count?: number } | undefined {
	const page = Array.isArray(body) ? { list: body as unknown[], count: undefined } : envelopeList(body);
	if (page === undefined) return undefined;
	if (page.list.some((entry) => entry === null || typeof entry !== 'object' || Array.isArray(entry))) return undefined;
	return { items: page.list as IDataObject[], count: page.count };
}

/**
 * GUESS: a SKU look-up in which none of the SKUs is known may answer 404 instead of an empty list
 * (ASP.NET's `NotFound()`). That 404 means "no products"; the gateway's own 404 for a route it does
 * not know (`{"statusCode":404,"message":"Resource not found"}`, public) never does: see
 * helpers/notFound.ts.
 */
export const SKU_LOOKUP_EMPTY_STATUSES = [404];

/**
 * GUESS: which header field dates an invoice or credit memo for accounting. Public code shows
 * `postingDate`; `documentDate` is read first in case the service has one.
 */
export function documentDateOf(header: IDataObject): unknown {
	return header.documentDate ?? header.postingDate;
}

/**
 * GUESS: where a quote is requested. Public client code posts to `…/purchasequote/request`, while
 * its own README lists `…/purchaseorder/request`. The node follows the code; users correct it with
 * Options → Quote Request Address.
 */
export const QUOTE_REQUEST_PATH = '/order-management/v2/purchasequote/request';

/**
 * GUESS: the quote status (`documentStatus` in production rows) that proves a decision was taken,
 * read after a decision to confirm it and after a refusal (safe re-runs). Production rows carry the
 * status, but its values are not public. Fact from: the Swagger document, or one quote read after
 * an acceptance. A status the node does not know never counts as "not applied": only
 * `canBeAccepted`/`canBeRejected` still true does (see helpers/quoteDecision.ts).
 */
export const QUOTE_DECIDED_STATUSES = { accepted: 'Accepted', rejected: 'Rejected' } as const;

/**
 * GUESS: how many days after its posting date an invoice or credit memo may first show up in the
 * list (posted yesterday, published overnight). The trigger re-reads this many days before its last
 * poll, so that a late document is still delivered once. Fact from: Infinigate's support, or a
 * comparison of posting dates with the day documents appear.
 */
export const DOCUMENT_LATE_DAYS = 3;
