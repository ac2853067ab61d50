/**
 * What the Collabor8 EqHub credential and node share: the paths of the token request and of the
 * Test button's call (EqHub API: Getting Started), and the guesses behind them. The node's
 * endpoints.ts and guesses.ts list them with the rest.
 */

/** Every EqHub call lives below this path of the gateway (the guide). */
export const EQHUB_API_ROOT = '/eqhub-m2m/eqhub-api/v1';

/** The client-credentials token endpoint; it answers 201 Created (the guide). */
export const EQHUB_TOKEN_PATH = `${EQHUB_API_ROOT}/token`;

/** Product data by ID (the former TEK number), in the former EqHub's structure (the guide). */
export const LEGACY_PRODUCT_PATH = '/legacy/Teknos/{id}';

/**
 * GUESS: the token request. The guide names only token_url, client_id and client_secret; this is
 * the form body that the Loop guide shows for the Loop token on the same gateway.
 */
export const TOKEN_GRANT_TYPE = 'client_credentials';

/**
 * CHOICE for the credential's Test button: EqHub documents no list or health endpoint, so the test
 * asks for the legacy product with the ID 0, which does not exist. A 404 "not found" proves the
 * token is accepted by the EqHub API; only a 401 or 403 fails the test. (A wrong client secret
 * already fails earlier, when the token is fetched.)
 */
export const CREDENTIAL_TEST_LEGACY_ID = '0';
