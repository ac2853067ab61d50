import type { IExecuteFunctions, INodeExecutionData, INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { subtitleFromActions, withApiOverrides } from '../shared/descriptions';
import { resources, router } from './actions/router';
import { API_OVERRIDE_FIELDS } from './apiOverrides';
import { searchManufacturers, searchPurchaseCreditMemos, searchPurchaseInvoices, searchPurchaseQuotes } from './helpers/listSearch';

const operationFields: INodeProperties[] = [
	...resources.priceList.description,
	...resources.manufacturer.description,
	...resources.purchaseInvoice.description,
	...resources.purchaseCreditMemo.description,
	...resources.purchaseQuote.description,
	...resources.account.description,
];

/**
 * Infinigate Reseller API: price list (prices and stock by search, SKU or manufacturer), manufacturers,
 * purchase invoices and credit memos (with lines and MSP usage), purchase quotes (list, accept,
 * reject, request).
 */
export class Infinigate implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Infinigate',
		name: 'infinigate',
		icon: { light: 'file:infinigate.svg', dark: 'file:infinigate.dark.svg' },
		group: ['input'],
		// 1.1: Output and pickers as fields; 1.2: API Overrides apart from Options; 1.3: one Get per document, by list, number or ID.
		version: [1, 1.1, 1.2, 1.3],
		defaultVersion: 1.3,
		// The chosen operation's action name: one source for the action list and the subtitle.
		subtitle: subtitleFromActions(operationFields),
		description: 'Prices, stock, invoices and quotes from the Infinigate Reseller API',
		defaults: { name: 'Infinigate' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'infinigateApi', required: true }],
		properties: withApiOverrides([
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				default: 'priceList',
				options: [
					{ name: 'Account', value: 'account', description: 'Check Setup: which guessed addresses and fields hold on your account, read-only' },
					{ name: 'Manufacturer', value: 'manufacturer', description: 'The manufacturers Infinigate carries' },
					{ name: 'Price List', value: 'priceList', description: 'Prices and stock of products' },
					{ name: 'Purchase Credit Memo', value: 'purchaseCreditMemo', description: 'Credit memos Infinigate issued to you, with their lines and MSP usage' },
					{ name: 'Purchase Invoice', value: 'purchaseInvoice', description: 'Invoices Infinigate issued to you, with their lines and MSP usage' },
					{ name: 'Purchase Quote', value: 'purchaseQuote', description: 'Quotes for your purchases: list, accept, reject or request one' },
				],
			},
			...operationFields,
		], Object.keys(API_OVERRIDE_FIELDS)),
	};

	methods = { listSearch: { searchManufacturers, searchPurchaseInvoices, searchPurchaseCreditMemos, searchPurchaseQuotes } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
