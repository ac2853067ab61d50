/** Sends each execution to the operation the user picked. */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OperationsByResource } from '../../shared/operations';
import { routeOperation } from '../../shared/operations';
import * as setup from './setup';
import * as item from './item';
import * as sale from './sale';

export const resources = { sale, item, setup };

const operations: OperationsByResource = {
	sale: sale.operations,
	setup: setup.operations,
	item: item.operations,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation(this, operations);
}
