/**
 * The Infinigate details the node guesses and a user can correct in its Options, read differently
 * (see ../core/inventions.ts). Without inventions the sandbox serves the reading of the guide and of
 * public client code; with `DISAGREEING` it serves another, equally plausible one, so that a test can
 * show the node failing with a hint that names the field, and passing once that field is set.
 * Written from the guide and public evidence, never from the node's constants.
 */
import type { ServiceInventions } from '../core/inventions';

export interface InfinigateInventions extends ServiceInventions {
	/**
	 * Where quotes are served. Public client code and a production client: `/order-management/v2/purchasequote`;
	 * an earlier version of the public n8n node: `/invoice-management/v2/purchasequote` (Options → Quotes Address).
	 */
	quotesPath: string;
	/**
	 * Where quotes are requested. Public client code posts to `…/purchasequote/request`; its own README
	 * lists `…/purchaseorder/request` (Options → Quote Request Address).
	 */
	quoteRequestPath: string;
	/** The largest Take of the invoice, credit-memo and quote lists; a larger one is refused with 400 (Options → Page Size). */
	maxDocumentTake: number;
	/** The largest Take of the price-list search; a larger one is refused with 400 (Options → Page Size). */
	maxPriceListTake: number;
	/** The versions of invoice management served: the guide's v1, current clients' v2 (Options → API Version). */
	invoiceApiVersions: string[];
	/** The most SKUs one look-up takes; more are refused with 400 (Options → SKUs per Request). */
	maxSkusPerRequest: number;
}

/** Differs from every default of the node: the other path public sources name, smaller limits, v1 only. */
export const DISAGREEING: InfinigateInventions = {
	quotesPath: '/invoice-management/v2/purchasequote',
	quoteRequestPath: '/order-management/v2/purchaseorder/request',
	maxDocumentTake: 20,
	maxPriceListTake: 40,
	invoiceApiVersions: ['v1'],
	maxSkusPerRequest: 25,
};
