/** Sends each execution to the operation the user picked. */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OperationsByResource } from '../../shared/operations';
import { routeOperation } from '../../shared/operations';
import * as setup from './setup';
import * as client from './client';
import * as collaborativeOffer from './collaborativeOffer';
import * as company from './company';
import * as folder from './folder';

export const resources = { company, collaborativeOffer, client, folder, setup };

const operations: OperationsByResource = {
	company: company.operations,
	collaborativeOffer: collaborativeOffer.operations,
	client: client.operations,
	folder: folder.operations,
	setup: setup.operations,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation(this, operations);
}
