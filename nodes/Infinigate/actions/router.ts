/** Sends each execution to the operation the user picked. */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OperationsByResource } from '../../shared/operations';
import { routeOperation } from '../../shared/operations';
import * as account from './account';
import * as manufacturer from './manufacturer';
import * as priceList from './priceList';
import * as purchaseCreditMemo from './purchaseCreditMemo';
import * as purchaseInvoice from './purchaseInvoice';
import * as purchaseQuote from './purchaseQuote';

export const resources = { priceList, manufacturer, purchaseInvoice, purchaseCreditMemo, purchaseQuote, account };

const operations: OperationsByResource = {
	priceList: priceList.operations,
	manufacturer: manufacturer.operations,
	purchaseInvoice: purchaseInvoice.operations,
	purchaseCreditMemo: purchaseCreditMemo.operations,
	purchaseQuote: purchaseQuote.operations,
	account: account.operations,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation(this, operations);
}
