import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, showOnlyFor, withMaxConcurrentRequests } from '../../../shared/descriptions';
import { asNodeError } from '../../../shared/items';
import { readReturnAllAndLimit } from '../../../shared/validation';
import { PRICE_LIST_COUNT_PATH, PRICE_LIST_SEARCH_PATH } from '../../endpoints';
import { PRICE_LIST_COUNTED_TAKE, PRICE_LIST_PAGE_SIZE, readCount } from '../../guesses';
import { asWrongApiAddress, onDocumentedPath } from '../../helpers/answers';
import { pageSizeOption, readPageSize, withPageSizeAdvice } from '../../helpers/guessOptions';
import { readSearchFilters, searchFilters, searchTermField, searchTermOf } from '../../helpers/priceListSearch';
import { apiRequest, apiRequestAllItems } from '../../transport';

const show = { resource: ['priceList'], operation: ['search'] };

export const description: INodeProperties[] = withMaxConcurrentRequests([
	searchTermField('search'),
	...showOnlyFor('priceList', 'search', returnAllAndLimit()),
	searchFilters(show),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [pageSizeOption(PRICE_LIST_PAGE_SIZE, 'products')],
	},
], show);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const term = searchTermOf(this, itemIndex);
	const filters = readSearchFilters(this, itemIndex);
	const paging = readReturnAllAndLimit(this, itemIndex);
	const chosenPageSize = readPageSize(this, itemIndex, 0);

	// For more than one small page, the count tells how many entries to expect, so that a service
	// capping Take below what is asked cannot end the listing early, and pages can be as large as
	// the service serves.
	let knownTotal: number | undefined;
	if (paging.returnAll || paging.limit > PRICE_LIST_PAGE_SIZE) {
		const countBody = await onDocumentedPath(apiRequest(this, 'GET', PRICE_LIST_COUNT_PATH, { pathParams: { term }, qs: filters }, itemIndex));
		knownTotal = readCount(countBody);
	}

	try {
		return await apiRequestAllItems(
			this,
			'GET',
			PRICE_LIST_SEARCH_PATH,
			{ pathParams: { term }, qs: filters },
			// Once the count is known, pages can be as large as the service serves (it caps Take itself).
			{ ...paging, pageSize: chosenPageSize || (knownTotal === undefined ? PRICE_LIST_PAGE_SIZE : PRICE_LIST_COUNTED_TAKE), knownTotal },
			itemIndex,
		);
	} catch (error) {
		throw asNodeError(this, withPageSizeAdvice(asWrongApiAddress(error)), itemIndex);
	}
}
