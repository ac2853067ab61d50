import type { IExecuteFunctions, INodeExecutionData, INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { withApiOverrides } from '../shared/descriptions';
import { resources, router } from './actions/router';
import { API_OVERRIDE_FIELDS } from './apiOverrides';
import { searchManufacturers, searchPurchaseQuotes } from './helpers/listSearch';

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
		version: [1, 1.1, 1.2],
		defaultVersion: 1.2,
		// The chosen operation's action name, so that it reads like a label ("Search products"); a
		// unit test keeps it equal to the action names of the Operation fields.
		subtitle:
			'={{ {"priceList:count":"Count products","priceList:getByManufacturer":"Get products by manufacturer","priceList:getBySku":"Get products by SKU","priceList:getByVendorSku":"Get products by vendor SKU","priceList:search":"Search products","manufacturer:getMany":"Get many manufacturers","purchaseInvoice:get":"Get a purchase invoice","purchaseInvoice:getByDocumentNumber":"Get a purchase invoice by document number","purchaseInvoice:getMany":"Get many purchase invoices","purchaseCreditMemo:get":"Get a purchase credit memo","purchaseCreditMemo:getByDocumentNumber":"Get a purchase credit memo by document number","purchaseCreditMemo:getMany":"Get many purchase credit memos","purchaseQuote:accept":"Accept a purchase quote","purchaseQuote:get":"Get a purchase quote","purchaseQuote:getByDocumentNumber":"Get a purchase quote by document number","purchaseQuote:getMany":"Get many purchase quotes","purchaseQuote:reject":"Reject a purchase quote","purchaseQuote:request":"Request a purchase quote","account:checkSetup":"Check setup"}[$parameter["resource"] + ":" + $parameter["operation"]] }}',
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
					{ name: 'Purchase Credit Memo', value: 'purchaseCreditMemo' },
					{ name: 'Purchase Invoice', value: 'purchaseInvoice' },
					{ name: 'Purchase Quote', value: 'purchaseQuote' },
				],
			},
			...operationFields,
		], Object.keys(API_OVERRIDE_FIELDS)),
	};

	methods = { listSearch: { searchManufacturers, searchPurchaseQuotes } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
