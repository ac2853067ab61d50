/** Fields several EqHub operations share, and how they are read. */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredString } from '../../shared/validation';

export const productIdField: INodeProperties = {
	displayName: 'EqHub Product ID',
	name: 'eqhubProductId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 2f1c9a4e-…',
	description: 'The EqHub product ID (eqhubProductId) of the product',
};

export const guessNotice: INodeProperties = {
	displayName:
		'The product-details path is a best guess (not public). If this fails with 404, see the README.',
	name: 'productDetailsGuessNotice',
	type: 'notice',
	default: '',
};

export function readProductId(ctx: IExecuteFunctions, itemIndex: number): string {
	return requiredString(ctx, 'eqhubProductId', 'EqHub Product ID', itemIndex);
}
