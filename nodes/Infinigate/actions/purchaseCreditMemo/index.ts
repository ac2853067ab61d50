import type { INodeProperties } from 'n8n-workflow';

import { apiVersionField, PURCHASE_CREDIT_MEMO } from '../../helpers/documentKinds';
import { fromVersion13, untilVersion12 } from '../../helpers/documentLocator';
import * as get from '../purchaseDocument/get.operation';
import * as getByDocumentNumber from '../purchaseDocument/getByDocumentNumber.operation';
import * as getMany from '../purchaseDocument/getMany.operation';

// Invoices and credit memos share their operations; these are the credit memo ones.
export const operations = {
	getMany: getMany.forKind(PURCHASE_CREDIT_MEMO),
	get: get.forKind(PURCHASE_CREDIT_MEMO),
	getByDocumentNumber: getByDocumentNumber.forKind(PURCHASE_CREDIT_MEMO),
};

export const description: INodeProperties[] = [
	// Version 1.3 offers one Get, by number or GUID; versions 1 to 1.2 keep Get by Document Number beside it.
	fromVersion13({
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['purchaseCreditMemo'] } },
		default: 'getMany',
		options: [
			{ name: 'Get', value: 'get', description: 'Get a purchase credit memo by its number or GUID', action: 'Get a purchase credit memo' },
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List the purchase credit memos of a period',
				action: 'Get many purchase credit memos',
			},
		],
	}),
	untilVersion12({
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['purchaseCreditMemo'] } },
		default: 'getMany',
		options: [
			{ name: 'Get', value: 'get', description: 'Get a purchase credit memo by its GUID', action: 'Get a purchase credit memo' },
			{
				name: 'Get by Document Number',
				value: 'getByDocumentNumber',
				description: 'Get a purchase credit memo by its number',
				action: 'Get a purchase credit memo by document number',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List the purchase credit memos of a period',
				action: 'Get many purchase credit memos',
			},
		],
	}),
	apiVersionField('purchaseCreditMemo'),
	...operations.getMany.description,
	...operations.get.description,
	...operations.getByDocumentNumber.description,
];
