/** Sends each execution to the operation the user picked. */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OperationsByResource } from '../../shared/operations';
import { routeOperation } from '../../shared/operations';
import * as account from './account';
import * as product from './product';

export const resources = { product, account };

const operations: OperationsByResource = {
	product: product.operations,
	account: account.operations,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation(this, operations);
}
