/**
 * What we do not know for sure about the EqHub API, in one place so that it is cheap to correct.
 * Each guess says where the fact would come from: the API's technical documentation behind sign-in
 * (https://portal-apis-vi.collabor8.no, "EqHub API"). A guess that decides where a request goes is
 * the default of a field in the operation's API Overrides (Options before version 1.2), so that a user whose account proves it wrong
 * corrects it in the editor; docs/collabor8-eqhub.md lists them. The sandbox is written separately from the
 * guides; started with inventions (sandbox/collabor8/eqhub/inventions.ts) it reads each guess
 * differently, and test/integration/collabor8/disagreeing-sandbox.test.ts shows each guess failing
 * there with the field that corrects it, and passing once that field is set.
 */

// The guesses behind the credential's token request and Test button are defined beside it.
export { CREDENTIAL_TEST_LEGACY_ID, TOKEN_GRANT_TYPE } from '../../credentials/common/collabor8EqHub';

/**
 * GUESS: the path of a product's JSON document. Public code shows only image URLs of the form
 * `…/v1/product-details/{eqhubProductId}/image/{uuid}` and a product-details document; that the
 * document itself is served at the parent path is our inference (API Overrides → Product Details Address).
 */
export const PRODUCT_DETAILS_PATH = '/product-details/{eqhubProductId}';

/**
 * GUESS: the keys of a property's unit object (`uomData`), in the order we look for a short unit
 * symbol. The public product document shows `uomData` but not its inside.
 */
export const UNIT_SYMBOL_KEYS = ['symbol', 'uomSymbol', 'abbreviation', 'unitSymbol', 'code', 'uomCode', 'name', 'uomName'];
