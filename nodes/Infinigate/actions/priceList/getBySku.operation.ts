import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { PRICE_LIST_BY_SKU_PATH } from '../../endpoints';
import type { SkuLookup } from '../../helpers/skuLookup';
import { executeLookup, lookupDescription } from '../../helpers/skuLookup';

const lookup: SkuLookup = {
	operation: 'getBySku',
	parameter: 'skus',
	field: 'SKUs',
	matchKey: 'sku',
	path: PRICE_LIST_BY_SKU_PATH,
	placeholder: 'e.g. 6D34G6, 6KTRCD',
	description: "Infinigate's own SKUs of the products; one output item per product, and one with found: false per unknown SKU",
};

export const description = lookupDescription(lookup);

export async function executeAll(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await executeLookup(this, lookup);
}
