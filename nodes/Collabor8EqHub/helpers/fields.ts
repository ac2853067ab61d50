/** Fields several EqHub operations share, and how they are read. */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { guessedEndpointField, readEndpoint, readIdentifier } from '../../shared/collabor8GatewayService';
import { overridePath } from '../../shared/descriptions';
import { PRODUCT_DETAILS_PATH } from '../guesses';

export const productIdField: INodeProperties = {
	displayName: 'EqHub Product ID',
	name: 'eqhubProductId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 2f1c9a4e-…',
	description: 'The EqHub product ID (eqhubProductId) of the product',
	hint: 'The product\'s ID in EqHub (its eqhubProductId), as a list or search of EqHub gives it',
};

export const productDetailsEndpointField: INodeProperties = guessedEndpointField({
	displayName: 'Product Details Address',
	name: 'productDetailsEndpoint',
	default: PRODUCT_DETAILS_PATH,
	serves: "a product's details",
});

export function readProductId(ctx: IExecuteFunctions, itemIndex: number): string {
	return readIdentifier(ctx, itemIndex, 'eqhubProductId', 'EqHub Product ID');
}

export function readProductDetailsEndpoint(ctx: IExecuteFunctions, itemIndex: number): string {
	return readEndpoint(
		ctx,
		itemIndex,
		overridePath(ctx, 'productDetailsEndpoint'),
		'Product Details Address',
		PRODUCT_DETAILS_PATH,
		['eqhubProductId'],
	);
}
