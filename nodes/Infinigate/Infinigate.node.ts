import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { resources, router } from './actions/router';

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
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				default: 'priceList',
				options: [
					{ name: 'Price List', value: 'priceList', description: 'Prices and stock of products' },
					{ name: 'Purchase Credit Memo', value: 'purchaseCreditMemo' },
					{ name: 'Purchase Invoice', value: 'purchaseInvoice' },
					{ name: 'Purchase Quote', value: 'purchaseQuote' },
				],
			},
			...resources.priceList.description,
			...resources.purchaseInvoice.description,
			...resources.purchaseCreditMemo.description,
			...resources.purchaseQuote.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
