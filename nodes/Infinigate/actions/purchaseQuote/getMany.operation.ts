import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, showOnlyFor, withMaxConcurrentRequests } from '../../../shared/descriptions';
import { asNodeError } from '../../../shared/items';
import { readReturnAllAndLimit } from '../../../shared/validation';
import { DOCUMENT_PAGE_SIZE } from '../../guesses';
import {
	pageSizeOption,
	QUOTES_LOCATION_ALTERNATIVE,
	quotesLocationOption,
	readPageSize,
	withLocationAdvice,
	withPageSizeAdvice,
} from '../../helpers/guessOptions';
import { quotePath } from '../../helpers/quotes';
import { readReferenceFilters, referenceFilters } from '../../helpers/referenceFilters';
import { apiRequestAllItems } from '../../transport';

const show = { resource: ['purchaseQuote'], operation: ['getMany'] };

export const description: INodeProperties[] = withMaxConcurrentRequests([
	...showOnlyFor('purchaseQuote', 'getMany', returnAllAndLimit()),
	referenceFilters(show, 'quotes', { buyerReference: 'PO-2001', externalDocumentNumber: 'EXT-Q0007' }),
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
	const referenceQuery = readReferenceFilters(this, itemIndex);
	const paging = readReturnAllAndLimit(this, itemIndex);
	const pageSize = readPageSize(this, itemIndex, DOCUMENT_PAGE_SIZE);
	const path = quotePath(this, itemIndex, 'list');
	try {
		return await apiRequestAllItems(this, 'GET', path, { qs: referenceQuery }, { ...paging, pageSize }, itemIndex);
	} catch (error) {
		throw asNodeError(this, withPageSizeAdvice(withLocationAdvice(error, 'Quotes Address', QUOTES_LOCATION_ALTERNATIVE)), itemIndex);
	}
}
