/** Sends each execution to the operation the user picked. */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OperationsByResource } from '../../shared/operations';
import { routeOperation } from '../../shared/operations';
import * as account from './account';
import * as item from './item';
import * as sale from './sale';

export const resources = { sale, item, account };

const operations: OperationsByResource = {
	sale: sale.operations,
	account: account.operations,
	item: item.operations,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation(this, operations);
}
