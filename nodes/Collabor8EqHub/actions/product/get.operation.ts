import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showOnlyFor, withMaxConcurrentRequests } from '../../../shared/descriptions';
import type { ItemResult } from '../../../shared/items';
import { jsonOutput } from '../../../shared/items';
import { PRODUCT_DETAILS_PATH } from '../../guesses';
import { guessNotice, productIdField, readProductId } from '../../helpers/fields';
import { simplifyProduct } from '../../helpers/simplify';
import { apiRequest } from '../../transport';

export const description: INodeProperties[] = showOnlyFor('product', 'get', withMaxConcurrentRequests([
	guessNotice,
	productIdField,
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: false,
		description:
			'Whether to return a flat version of the product, ready for a spreadsheet: its main fields, then one field per property named "Name (unit)" holding the value',
	},
]));

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const eqhubProductId = readProductId(this, itemIndex);
	const product = jsonOutput(await apiRequest(this, 'GET', PRODUCT_DETAILS_PATH, { pathParams: { eqhubProductId } }, itemIndex));
	const simplify = this.getNodeParameter('simplify', itemIndex, false) as boolean;
	if (!simplify || Array.isArray(product)) return product;
	return simplifyProduct(product as IDataObject);
}
