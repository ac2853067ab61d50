import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { routeOperation } from '../shared/operations';
import { OPERATIONS, properties } from './actions/router';

/**
 * Infinigate Reseller API: price list (prices and stock by search or SKU), purchase invoices and
 * credit memos (with lines and MSP usage), purchase quotes (list, accept, reject).
 */
export class Infinigate implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Infinigate',
		name: 'infinigate',
		icon: { light: 'file:infinigate.svg', dark: 'file:infinigate.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Prices, stock, invoices and quotes from the Infinigate Reseller API',
		defaults: { name: 'Infinigate' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'infinigateApi', required: true }],
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeOperation(this, OPERATIONS);
	}
}
