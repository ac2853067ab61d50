/**
 * What Check Setup checks in the EqHub API: the documented legacy product address (which also
 * proves the token), and the guessed product-details address. EqHub documents no list, so both ask
 * for an ID that does not exist: a "not found" in EqHub's own words proves the address is known,
 * the gateway's "Resource not found" proves it is not.
 */
import type { SetupCheck } from '../shared/checkSetup';
import { LEGACY_PRODUCT_PATH } from './endpoints';
import { CREDENTIAL_TEST_LEGACY_ID } from './guesses';
import { readProductDetailsEndpoint } from './helpers/fields';

/** An EqHub product ID no product has. */
const UNKNOWN_PRODUCT_ID = '00000000-0000-0000-0000-000000000000';

export const checks: readonly SetupCheck[] = [
	{
		name: 'Credential and legacy product address',
		kind: 'documented',
		covers: ['CREDENTIAL_TEST_LEGACY_ID', 'TOKEN_GRANT_TYPE'],
		credentials: true,
		notFoundMeansKnownAddress: true,
		field: 'Credential → Client ID, Client Secret, Environment',
		request: () => ({ path: LEGACY_PRODUCT_PATH, pathParams: { id: CREDENTIAL_TEST_LEGACY_ID } }),
	},
	{
		name: 'Product details address',
		kind: 'guess',
		covers: ['PRODUCT_DETAILS_PATH'],
		notFoundMeansKnownAddress: true,
		field: 'Options → Product Details Address',
		suggestion:
			'Set Options → Product Details Address (here and in Product → Get and Download Image) to the address of a product document in your EqHub API documentation.',
		request: ({ ctx }) => ({ path: readProductDetailsEndpoint(ctx, 0), pathParams: { eqhubProductId: UNKNOWN_PRODUCT_ID } }),
	},
	{
		name: 'Unit symbol of a property',
		kind: 'guess',
		covers: ['UNIT_SYMBOL_KEYS'],
		method: 'GET',
		reason:
			"Not checked: it needs one of your products' details. Run Product → Get on a product with measured properties; if its units come out empty, please report the answerShape of that product's uomData.",
	},
];
