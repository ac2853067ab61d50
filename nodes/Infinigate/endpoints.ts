/**
 * The Infinigate Reseller API's documented paths: the guide (Benutzung der Infinigate Reseller API,
 * 2023) and current public client code. Guessed paths are in guesses.ts.
 */

// The credential calls these too (token, Test button), so they are defined beside it.
export { PRICE_LIST_COUNT_PATH, ACCESS_GRANT_PATH } from '../../credentials/common/infinigate';

/** Every product whose SKU or description matches the term (the guide). */
export const PRICE_LIST_SEARCH_PATH = '/product-management/v1/pricelist/search/{term}';

/** Products by Infinigate's SKUs, as repeated `no=` parameters (the guide). */
export const PRICE_LIST_BY_SKU_PATH = '/product-management/v1/pricelist/sku';

/** Products by the manufacturers' SKUs, as repeated `no=` parameters (the guide). */
export const PRICE_LIST_BY_VENDOR_SKU_PATH = '/product-management/v1/pricelist/vendor';

/**
 * Purchase invoices and credit memos, per version of the invoice management API; `{documentType}`
 * is `purchaseinvoice` or `purchasecreditmemo`. The guide (v1) spells the number segment
 * `documentnumber`, current public code (v2) `documentNumber`.
 */
export const DOCUMENT_PATHS = {
	v1: {
		list: '/invoice-management/v1/{documentType}',
		byGuid: '/invoice-management/v1/{documentType}/{documentGuid}',
		byNumber: '/invoice-management/v1/{documentType}/documentnumber/{documentNumber}',
	},
	v2: {
		list: '/invoice-management/v2/{documentType}',
		byGuid: '/invoice-management/v2/{documentType}/{documentGuid}',
		byNumber: '/invoice-management/v2/{documentType}/documentNumber/{documentNumber}',
	},
} as const;

/** Every manufacturer Infinigate carries (public client code: "a list of all manufacturer names"). */
export const MANUFACTURER_LIST_PATH = '/product-management/v1/manufacturer';

/** One manufacturer's whole price list, as `?manufacturerName=` (public client code). */
export const MANUFACTURER_PRICE_LIST_PATH = '/product-management/v1/pricelist/';

/**
 * Where purchase quotes live: order management v2 (public, settled). The public n8n node for
 * Infinigate (affeldt28/n8n-nodes-infinigate) moved them here from `invoice-management/v2` in a
 * commit fixing a wrong API URL, and a public production client calls this path and its
 * `acceptance`/`reject`. Options → Quotes Address still moves it, for workflows that set it.
 */
export const PURCHASE_QUOTE_PATH = '/order-management/v2/purchasequote';

/** What public client code adds to the quotes location for each operation. */
export const PURCHASE_QUOTE_SUFFIXES = {
	list: '',
	byGuid: '/{documentGuid}',
	byNumber: '/documentNumber/{documentNumber}',
	accept: '/acceptance',
	reject: '/reject',
} as const;
