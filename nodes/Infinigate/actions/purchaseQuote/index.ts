import type { INodeProperties } from 'n8n-workflow';

import * as accept from './accept.operation';
import * as get from './get.operation';
import * as getByDocumentNumber from './getByDocumentNumber.operation';
import * as getMany from './getMany.operation';
import * as reject from './reject.operation';

export const operations = { getMany, get, getByDocumentNumber, accept, reject };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['purchaseQuote'] } },
		default: 'getMany',
		options: [
			{ name: 'Accept', value: 'accept', description: 'Accept a quote', action: 'Accept a quote' },
			{ name: 'Get', value: 'get', description: 'Get a quote by its GUID', action: 'Get a quote' },
			{
				name: 'Get by Document Number',
				value: 'getByDocumentNumber',
				description: 'Get a quote by its number',
				action: 'Get a quote by document number',
			},
			{ name: 'Get Many', value: 'getMany', description: 'List quotes', action: 'Get many quotes' },
			{ name: 'Reject', value: 'reject', description: 'Reject a quote', action: 'Reject a quote' },
		],
	},
	...getMany.description,
	...get.description,
	...getByDocumentNumber.description,
	...accept.description,
	...reject.description,
];
