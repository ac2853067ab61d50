/**
 * What we do not know for sure about the Loop API, in one place so that it is cheap to correct.
 * Only the sales list is documented (Loop API: Getting Started); everything else here is a guess.
 * The facts are in the API's technical documentation behind sign-in
 * (https://portal-apis-vi.collabor8.no, "Loop API"). Each guess that decides where or how a request
 * goes is the default of a field in the operation's API Overrides (Options before version 1.2), so that a user whose account proves it
 * wrong corrects it in the editor; docs/collabor8-loop.md lists them. The sandbox is written separately from
 * the guides; started with inventions (sandbox/collabor8/loop/inventions.ts) it reads each guess
 * differently, and test/integration/collabor8/disagreeing-sandbox.test.ts shows each guess failing
 * there with the field that corrects it, and passing once that field is set. SALE_ID_FIELD and
 * SALE_CREATED_FIELD are read from answers, not sent, and no field corrects them.
 */
import type { IHttpRequestMethods } from 'n8n-workflow';

/** GUESS: one sale, by its ID (API Overrides → Sale Address). */
export const SALE_PATH = '/sales/{saleId}';

/** GUESS: the field of a sale that holds its ID (the guide's example shows no ID field). */
export const SALE_ID_FIELD = 'id';

/** The methods a user may pick for a guessed write. */
export const WRITE_METHODS = ['POST', 'PUT', 'PATCH'] as const satisfies readonly IHttpRequestMethods[];

export type WriteMethod = (typeof WRITE_METHODS)[number];

/**
 * GUESS: how a broker updates a sale's status: method, path and body `{ "status": … }`
 * (API Overrides → Status Address, Status Method, Status Body Field).
 */
export const SALE_STATUS_UPDATE: { method: WriteMethod; path: string; bodyField: string } = {
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

/**
 * GUESS: how a seller creates an item: POST with a JSON body shaped as the sales show it
 * (API Overrides → Item Address, Item Method).
 */
export const ITEM_CREATE: { method: WriteMethod; path: string } = { method: 'POST', path: '/items' };

/** GUESS: the largest page the sales list serves (API Overrides → Page Size). */
export const MAX_PAGE_SIZE = 100;

/**
 * GUESS: where `countQueries=true` puts the number of matching sales (the guide names the
 * parameter, not the answer's fields). The first one present is used to stop paging
 * (API Overrides → Total Fields).
 */
export const TOTAL_FIELDS = ['total', 'totalCount', 'count', 'totalItems'];

/** GUESS: the field of a sale that holds when it was created (the guide's example shows none). */
export const SALE_CREATED_FIELD = 'createdAt';
