import type { INodeProperties } from 'n8n-workflow';

import * as downloadImage from './downloadImage.operation';
import * as get from './get.operation';
import * as getLegacy from './getLegacy.operation';

export const operations = { get, getLegacy, downloadImage };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['product'] } },
		options: [
			{
				name: 'Download Image',
				value: 'downloadImage',
				action: 'Download a product image',
				description: "Download a product's main image, or one image by its ID, as a file",
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get product details',
				description: 'Get the details of a product by its EqHub product ID',
			},
			{
				name: 'Get by TEK Number',
				value: 'getLegacy',
				action: 'Get a product by TEK number',
				description: 'Get product data by the former TEK number, in the structure of the former EqHub',
			},
		],
		default: 'get',
	},
	...get.description,
	...getLegacy.description,
	...downloadImage.description,
];
