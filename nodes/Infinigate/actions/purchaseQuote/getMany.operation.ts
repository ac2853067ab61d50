import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, showOnlyFor, withMaxConcurrentRequests } from '../../../shared/descriptions';
import { readReturnAllAndLimit, readText } from '../../../shared/validation';
import { DOCUMENT_PAGE_SIZE } from '../../guesses';
import { pageSizeOption, QUOTES_LOCATION_ALTERNATIVE, quotesLocationOption, readPageSize, withLocationHint } from '../../helpers/guessOptions';
import { quotePath } from '../../helpers/quotes';
import { apiRequestAllItems } from '../../transport';

const show = { resource: ['purchaseQuote'], operation: ['getMany'] };

export const description: INodeProperties[] = withMaxConcurrentRequests([
	...showOnlyFor('purchaseQuote', 'getMany', returnAllAndLimit()),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Buyer Reference',
				name: 'buyerReference',
				type: 'string',
				default: '',
				placeholder: 'e.g. PO-2001',
				description: 'Only quotes with this buyer reference',
			},
			{
				displayName: 'External Document Number',
				name: 'externalDocumentNumber',
				type: 'string',
				default: '',
				placeholder: 'e.g. EXT-Q0007',
				description: 'Only quotes with this external document number',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [pageSizeOption(DOCUMENT_PAGE_SIZE, 'quotes'), quotesLocationOption],
	},
], show);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const buyerReference = readText(this, 'filters.buyerReference', 'Buyer Reference', itemIndex, { maxLength: 200 });
	const externalDocumentNumber = readText(this, 'filters.externalDocumentNumber', 'External Document Number', itemIndex, {
		maxLength: 200,
	});
	const paging = readReturnAllAndLimit(this, itemIndex);
	const pageSize = readPageSize(this, itemIndex, DOCUMENT_PAGE_SIZE);
	const path = quotePath(this, itemIndex, 'list');
	return await withLocationHint(
		this,
		itemIndex,
		apiRequestAllItems(
			this,
			'GET',
			path,
			{ qs: { BuyerReference: buyerReference, ExternalDocumentNumber: externalDocumentNumber } },
			{ ...paging, pageSize },
			itemIndex,
		),
		'Quotes Address',
		QUOTES_LOCATION_ALTERNATIVE,
	);
}
