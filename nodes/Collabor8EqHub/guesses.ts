/**
 * What we do not know for sure about the EqHub API, in one place so that it is cheap to correct.
 * Each guess says where the fact would come from: the API's technical documentation behind sign-in
 * (https://portal-apis-vi.collabor8.no, "EqHub API"). The node flags them with a notice, the
 * README lists them, and the sandbox (sandbox/collabor8) imports them, so they change together.
 */

/**
 * GUESS: the path of a product's JSON document. Public code shows only image URLs of the form
 * `…/v1/product-details/{eqhubProductId}/image/{uuid}` and a product-details document; that the
 * document itself is served at the parent path is our inference.
 */
export const PRODUCT_DETAILS_PATH = '/product-details/{eqhubProductId}';

/**
 * GUESS: the token request. The guide names only token_url, client_id and client_secret; this is
 * the form body that the Loop guide shows for the Loop token on the same gateway.
 */
export const TOKEN_GRANT_TYPE = 'client_credentials';

/**
 * GUESS: the keys of a property's unit object (`uomData`), in the order we look for a short unit
 * symbol. The public product document shows `uomData` but not its inside.
 */
export const UNIT_SYMBOL_KEYS = ['symbol', 'uomSymbol', 'abbreviation', 'unitSymbol', 'code', 'uomCode', 'name', 'uomName'];

/**
 * CHOICE for the credential's Test button: EqHub documents no list or health endpoint, so the test
 * asks for the legacy product with the ID 0, which does not exist. A 404 "not found" proves the
 * token is accepted by the EqHub API; only a 401 or 403 fails the test. (A wrong client secret
 * already fails earlier, when the token is fetched.)
 */
export const CREDENTIAL_TEST_LEGACY_ID = '0';
