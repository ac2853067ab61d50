/**
 * What we do not know for sure about the Loop API, in one place so that it is cheap to correct.
 * Only the sales list is documented (Loop API: Getting Started); everything else here is a guess.
 * The facts are in the API's technical documentation behind sign-in
 * (https://portal-apis-vi.collabor8.no, "Loop API"). The node flags these operations with a notice,
 * the README lists them, and the sandbox serves the same guesses, so they change together.
 */
import type { IHttpRequestMethods } from 'n8n-workflow';

/** GUESS: one sale, by its ID. */
export const SALE_PATH = '/sales/{saleId}';

/** GUESS: the field of a sale that holds its ID (the guide's example shows no ID field). */
export const SALE_ID_FIELD = 'id';

/** GUESS: how a broker updates a sale's status: method, path and body `{ "status": … }`. */
export const SALE_STATUS_UPDATE: { method: IHttpRequestMethods; path: string; bodyField: string } = {
	method: 'PUT',
	path: '/sales/{saleId}/status',
	bodyField: 'status',
};

/**
 * GUESS: the status values of a sale. The guide shows only "draft"; the others are what a
 * marketplace of surplus equipment plausibly uses. The node also accepts any other value (as an
 * expression), so a correct value never waits for a release.
 */
export const SALE_STATUSES = ['draft', 'published', 'reserved', 'sold', 'cancelled'] as const;

/** GUESS: how a seller creates an item: POST with a JSON body shaped as the sales show it. */
export const ITEM_CREATE: { method: IHttpRequestMethods; path: string } = { method: 'POST', path: '/items' };

/** GUESS: the largest page the sales list serves. */
export const MAX_PAGE_SIZE = 100;

/**
 * GUESS: where `countQueries=true` puts the number of matching sales (the guide names the
 * parameter, not the answer's fields). The first one present is used to stop paging.
 */
export const TOTAL_FIELDS = ['total', 'totalCount', 'count', 'totalItems'];

/** GUESS: the field of a sale that holds when it was created (the guide's example shows none). */
export const SALE_CREATED_FIELD = 'createdAt';
