import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { PRICE_LIST_BY_VENDOR_SKU_PATH } from '../../endpoints';
import type { SkuLookup } from '../../helpers/skuLookup';
import { executeLookup, lookupDescription } from '../../helpers/skuLookup';

const lookup: SkuLookup = {
	operation: 'getByVendorSku',
	parameter: 'vendorSkus',
	field: 'Vendor SKUs',
	matchKey: 'vendorSku',
	path: PRICE_LIST_BY_VENDOR_SKU_PATH,
	placeholder: 'e.g. CLDS-SWI00002, STRG-SFP00003',
	description:
		"The manufacturers' part numbers; one output item per product, and one with found: false per unknown SKU (one vendor SKU may be sold as several products, e.g. per end-user type)",
};

export const description = lookupDescription(lookup);

export async function executeAll(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await executeLookup(this, lookup);
}
