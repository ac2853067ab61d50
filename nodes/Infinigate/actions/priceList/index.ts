import type { INodeProperties } from 'n8n-workflow';

import * as count from './count.operation';
import * as getByManufacturer from './getByManufacturer.operation';
import * as getBySku from './getBySku.operation';
import * as getByVendorSku from './getByVendorSku.operation';
import * as search from './search.operation';

export const operations = { search, count, getBySku, getByVendorSku, getByManufacturer };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['priceList'] } },
		default: 'search',
		options: [
			{ name: 'Count', value: 'count', description: 'Count the products matching a search term', action: 'Count products' },
			{
				name: 'Get by Manufacturer',
				value: 'getByManufacturer',
				description: "Get a manufacturer's whole price list",
				action: 'Get products by manufacturer',
			},
			{
				name: 'Get by SKU',
				value: 'getBySku',
				description: "Get products by Infinigate's SKUs",
				action: 'Get products by SKU',
			},
			{
				name: 'Get by Vendor SKU',
				value: 'getByVendorSku',
				description: "Get products by the manufacturers' SKUs",
				action: 'Get products by vendor SKU',
			},
			{ name: 'Search', value: 'search', description: 'Search products by SKU or description', action: 'Search products' },
		],
	},
	...search.description,
	...count.description,
	...getBySku.description,
	...getByVendorSku.description,
	...getByManufacturer.description,
];
