/**
 * What the Collabor8 Loop credential and node share: the paths of the token request and of the
 * Test button's call (Loop API: Getting Started). The node's endpoints.ts lists them with the rest.
 */

/** Every Loop call lives below this path of the gateway (the guide). */
export const LOOP_API_ROOT = '/loop-m2m/loop-api/v1';

/** The client-credentials token endpoint: a form body, answered with 201 Created (the guide). */
export const LOOP_TOKEN_PATH = `${LOOP_API_ROOT}/token`;

/**
 * The sales list: `page` and `limit` page through it, `countQueries=true` adds totals; the answer
 * is `{"data":[sale, …], …}` (the guide).
 */
export const SALES_PATH = '/sales';
