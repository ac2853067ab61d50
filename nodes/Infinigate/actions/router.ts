/**
 * Which file handles which resource and operation, and the Resource / Operation selectors that
 * offer them. The node's execute hands every run to `routeOperation` with this table.
 */
import type { INodeProperties } from 'n8n-workflow';

import type { OperationsByResource } from '../../shared/operations';
import { operationFields } from '../../shared/operations';
import { apiVersionField } from './documents/documentKinds';
import * as priceListCount from './priceList/count.operation';
import * as priceListGetBySku from './priceList/getBySku.operation';
import * as priceListGetByVendorSku from './priceList/getByVendorSku.operation';
import * as priceListSearch from './priceList/search.operation';
import * as creditMemoGet from './purchaseCreditMemo/get.operation';
import * as creditMemoGetByNumber from './purchaseCreditMemo/getByDocumentNumber.operation';
import * as creditMemoGetMany from './purchaseCreditMemo/getMany.operation';
import * as invoiceGet from './purchaseInvoice/get.operation';
import * as invoiceGetByNumber from './purchaseInvoice/getByDocumentNumber.operation';
import * as invoiceGetMany from './purchaseInvoice/getMany.operation';
import * as quoteAccept from './purchaseQuote/accept.operation';
import * as quoteGet from './purchaseQuote/get.operation';
import * as quoteGetByNumber from './purchaseQuote/getByDocumentNumber.operation';
import * as quoteGetMany from './purchaseQuote/getMany.operation';
import * as quoteReject from './purchaseQuote/reject.operation';

export const OPERATIONS: OperationsByResource = {
	priceList: {
		search: priceListSearch,
		count: priceListCount,
		getBySku: priceListGetBySku,
		getByVendorSku: priceListGetByVendorSku,
	},
	purchaseInvoice: { getMany: invoiceGetMany, get: invoiceGet, getByDocumentNumber: invoiceGetByNumber },
	purchaseCreditMemo: { getMany: creditMemoGetMany, get: creditMemoGet, getByDocumentNumber: creditMemoGetByNumber },
	purchaseQuote: {
		getMany: quoteGetMany,
		get: quoteGet,
		getByDocumentNumber: quoteGetByNumber,
		accept: quoteAccept,
		reject: quoteReject,
	},
};

const resourceField: INodeProperties = {
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
};

function operationField(resource: string, defaultOperation: string, options: INodeProperties['options']): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		default: defaultOperation,
		options,
	};
}

function documentOperations(resource: string, noun: string, plural: string): INodeProperties {
	return operationField(resource, 'getMany', [
		{ name: 'Get', value: 'get', description: `Get a ${noun} by its GUID`, action: `Get a ${noun}` },
		{
			name: 'Get by Document Number',
			value: 'getByDocumentNumber',
			description: `Get a ${noun} by its number`,
			action: `Get a ${noun} by document number`,
		},
		{ name: 'Get Many', value: 'getMany', description: `List the ${plural} of a period`, action: `Get many ${plural}` },
	]);
}

export const selectorFields: INodeProperties[] = [
	resourceField,
	operationField('priceList', 'search', [
		{ name: 'Count', value: 'count', description: 'Count the products matching a search term', action: 'Count products' },
		{
			name: 'Get by SKU',
			value: 'getBySku',
			description: "Get products by Infinigate's SKUs",
			action: 'Get products by SKU',
		},
		{
			name: 'Get by Vendor SKU',
			value: 'getByVendorSku',
			description: "Get products by the manufacturers' SKUs",
			action: 'Get products by vendor SKU',
		},
		{ name: 'Search', value: 'search', description: 'Search products by SKU or description', action: 'Search products' },
	]),
	documentOperations('purchaseInvoice', 'purchase invoice', 'purchase invoices'),
	apiVersionField('purchaseInvoice'),
	documentOperations('purchaseCreditMemo', 'purchase credit memo', 'purchase credit memos'),
	apiVersionField('purchaseCreditMemo'),
	operationField('purchaseQuote', 'getMany', [
		{ name: 'Accept', value: 'accept', description: 'Accept a quote', action: 'Accept a quote' },
		{ name: 'Get', value: 'get', description: 'Get a quote by its GUID', action: 'Get a quote' },
		{
			name: 'Get by Document Number',
			value: 'getByDocumentNumber',
			description: 'Get a quote by its number',
			action: 'Get a quote by document number',
		},
		{ name: 'Get Many', value: 'getMany', description: 'List quotes', action: 'Get many quotes' },
		{ name: 'Reject', value: 'reject', description: 'Reject a quote', action: 'Reject a quote' },
	]),
];

export const properties: INodeProperties[] = [...selectorFields, ...operationFields(OPERATIONS)];
