/** What is known of the Loop API (seed: the Loop guides). */

/** Every Loop call lives below this path of the gateway (seed). */
export const LOOP_API_ROOT = '/loop-m2m/loop-api/v1';

/** The client-credentials token endpoint: a form body, answered with 201 Created (seed). */
export const LOOP_TOKEN_PATH = `${LOOP_API_ROOT}/token`;

/**
 * The sales list: `page` and `limit` page through it, `countQueries=true` adds totals; the answer
 * is `{"data":[sale, …], …}` (seed).
 */
export const SALES_PATH = '/sales';

/** The one status value the guide shows. */
export const KNOWN_SALE_STATUS = 'draft';
