/** Fields several EqHub operations share, and how they are read. */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { guessedEndpointField, readEndpoint, readIdentifier } from '../../shared/collabor8GatewayService';
import { PRODUCT_DETAILS_PATH } from '../guesses';

export const productIdField: INodeProperties = {
	displayName: 'EqHub Product ID',
	name: 'eqhubProductId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 2f1c9a4e-…',
	description: 'The EqHub product ID (eqhubProductId) of the product',
	hint: 'The product document is from public EqHub code; its address is a guess: Options → Product Details Address corrects it',
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
		'options.productDetailsEndpoint',
		'Product Details Address',
		PRODUCT_DETAILS_PATH,
		['eqhubProductId'],
	);
}
