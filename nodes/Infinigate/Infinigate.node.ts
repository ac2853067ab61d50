import type { IExecuteFunctions, INodeExecutionData, INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { resources, router } from './actions/router';
import { searchManufacturers, searchPurchaseQuotes } from './helpers/listSearch';

/**
 * The subtitle under the node: the chosen operation's action name ("Search products", "Accept a
 * purchase quote"), looked up from the Operation fields so that it reads like a label.
 */
function subtitleExpression(properties: INodeProperties[]): string {
	const labels: Record<string, string> = {};
	for (const property of properties) {
		if (property.name !== 'operation') continue;
		const resource = property.displayOptions?.show?.resource?.[0];
		for (const option of property.options ?? []) {
			if ('value' in option && 'action' in option && typeof option.action === 'string') {
				labels[`${String(resource)}:${String(option.value)}`] = option.action;
			}
		}
	}
	return `={{ ${JSON.stringify(labels)}[$parameter["resource"] + ":" + $parameter["operation"]] }}`;
}

const operationFields: INodeProperties[] = [
	...resources.priceList.description,
	...resources.manufacturer.description,
	...resources.purchaseInvoice.description,
	...resources.purchaseCreditMemo.description,
	...resources.purchaseQuote.description,
];

/**
 * Infinigate Reseller API: price list (prices and stock by search, SKU or manufacturer), manufacturers,
 * purchase invoices and credit memos (with lines and MSP usage), purchase quotes (list, accept,
 * reject, request).
 */
export class Infinigate implements INodeType {
	// eslint-disable-next-line n8n-nodes-base/node-class-description-missing-subtitle -- the subtitle is an expression built below
	description: INodeTypeDescription = {
		displayName: 'Infinigate',
		name: 'infinigate',
		icon: { light: 'file:infinigate.svg', dark: 'file:infinigate.dark.svg' },
		group: ['input'],
		version: 1,
		// Built from the action names, so that it reads like a label ("Search products").
		subtitle: subtitleExpression(operationFields),
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
					{ name: 'Manufacturer', value: 'manufacturer', description: 'The manufacturers Infinigate carries' },
					{ name: 'Price List', value: 'priceList', description: 'Prices and stock of products' },
					{ name: 'Purchase Credit Memo', value: 'purchaseCreditMemo' },
					{ name: 'Purchase Invoice', value: 'purchaseInvoice' },
					{ name: 'Purchase Quote', value: 'purchaseQuote' },
				],
			},
			...operationFields,
		],
	};

	methods = { listSearch: { searchManufacturers, searchPurchaseQuotes } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
