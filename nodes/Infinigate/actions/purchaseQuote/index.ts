import type { INodeProperties } from 'n8n-workflow';

import { fromVersion13, untilVersion12 } from '../../helpers/documentLocator';
import * as accept from './accept.operation';
import * as get from './get.operation';
import * as getByDocumentNumber from './getByDocumentNumber.operation';
import * as getMany from './getMany.operation';
import * as reject from './reject.operation';
import * as request from './request.operation';

export const operations = { getMany, get, getByDocumentNumber, accept, reject, request };

export const description: INodeProperties[] = [
	// Version 1.3 offers one Get, by number or GUID; versions 1 to 1.2 keep Get by Document Number beside it.
	fromVersion13({
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['purchaseQuote'] } },
		default: 'getMany',
		options: [
			{ name: 'Accept', value: 'accept', description: 'Accept a purchase quote', action: 'Accept a purchase quote' },
			{ name: 'Get', value: 'get', description: 'Get a purchase quote by its number or GUID', action: 'Get a purchase quote' },
			{ name: 'Get Many', value: 'getMany', description: 'List purchase quotes', action: 'Get many purchase quotes' },
			{ name: 'Reject', value: 'reject', description: 'Reject a purchase quote', action: 'Reject a purchase quote' },
			{ name: 'Request', value: 'request', description: 'Ask Infinigate for a purchase quote', action: 'Request a purchase quote' },
		],
	}),
	untilVersion12({
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['purchaseQuote'] } },
		default: 'getMany',
		options: [
			{ name: 'Accept', value: 'accept', description: 'Accept a purchase quote', action: 'Accept a purchase quote' },
			{ name: 'Get', value: 'get', description: 'Get a purchase quote by its GUID', action: 'Get a purchase quote' },
			{
				name: 'Get by Document Number',
				value: 'getByDocumentNumber',
				description: 'Get a purchase quote by its number',
				action: 'Get a purchase quote by document number',
			},
			{ name: 'Get Many', value: 'getMany', description: 'List purchase quotes', action: 'Get many purchase quotes' },
			{ name: 'Reject', value: 'reject', description: 'Reject a purchase quote', action: 'Reject a purchase quote' },
			{ name: 'Request', value: 'request', description: 'Ask Infinigate for a purchase quote', action: 'Request a purchase quote' },
		],
	}),
	...getMany.description,
	...get.description,
	...getByDocumentNumber.description,
	...accept.description,
	...reject.description,
	...request.description,
];
