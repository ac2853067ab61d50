import type { INodeProperties } from 'n8n-workflow';

import { apiVersionField, PURCHASE_CREDIT_MEMO } from '../../helpers/documentKinds';
import { operationFieldsWithOneGet } from '../../helpers/documentLocator';
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
	...operationFieldsWithOneGet('purchaseCreditMemo', 'purchase credit memo', [
		{ name: 'Get Many', value: 'getMany', description: 'List the purchase credit memos of a period', action: 'Get many purchase credit memos' },
	]),
	apiVersionField('purchaseCreditMemo'),
	...operations.getMany.description,
	...operations.get.description,
	...operations.getByDocumentNumber.description,
];
