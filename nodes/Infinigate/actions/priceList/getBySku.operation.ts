import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { SkuLookup } from './skuLookup';
import { executeLookup, lookupDescription } from './skuLookup';

const lookup: SkuLookup = {
	operation: 'getBySku',
	parameter: 'skus',
	field: 'SKUs',
	matchKey: 'sku',
	path: '/product-management/v1/pricelist/sku',
	placeholder: 'e.g. U8JN1E, U8JM6E',
	description: "Infinigate's own SKUs of the products; one output item per product found",
};

export const description = lookupDescription(lookup);

export async function executeAll(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await executeLookup(this, lookup);
}
