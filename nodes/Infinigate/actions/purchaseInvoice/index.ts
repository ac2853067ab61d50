import type { INodeProperties } from 'n8n-workflow';

import { apiVersionField, PURCHASE_INVOICE } from '../../helpers/documentKinds';
import { operationFieldsWithOneGet } from '../../helpers/documentLocator';
import * as get from '../purchaseDocument/get.operation';
import * as getByDocumentNumber from '../purchaseDocument/getByDocumentNumber.operation';
import * as getMany from '../purchaseDocument/getMany.operation';

// Invoices and credit memos share their operations; these are the invoice ones.
export const operations = {
	getMany: getMany.forKind(PURCHASE_INVOICE),
	get: get.forKind(PURCHASE_INVOICE),
	getByDocumentNumber: getByDocumentNumber.forKind(PURCHASE_INVOICE),
};

export const description: INodeProperties[] = [
	// Version 1.3 offers one Get, by number or GUID; versions 1 to 1.2 keep Get by Document Number beside it.
	...operationFieldsWithOneGet('purchaseInvoice', 'purchase invoice', [
		{ name: 'Get Many', value: 'getMany', description: 'List the purchase invoices of a period', action: 'Get many purchase invoices' },
	]),
	apiVersionField('purchaseInvoice'),
	...operations.getMany.description,
	...operations.get.description,
	...operations.getByDocumentNumber.description,
];
