import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, showOnlyFor, withMaxConcurrentRequests } from '../../../shared/descriptions';
import { readReturnAllAndLimit } from '../../../shared/validation';
import { PRICE_LIST_COUNT_PATH, PRICE_LIST_SEARCH_PATH } from '../../endpoints';
import { MATCH_ALL_SEARCH_TERM, PRICE_LIST_COUNTED_TAKE, PRICE_LIST_PAGE_SIZE, readCount } from '../../guesses';
import { readSearchFilters, searchFilters, searchTermField, searchTermOf } from '../../helpers/priceListSearch';
import { apiRequest, apiRequestAllItems } from '../../transport';

const show = { resource: ['priceList'], operation: ['search'] };

export const description: INodeProperties[] = withMaxConcurrentRequests([
	searchTermField(
		'search',
		`Leave empty to list every product matching the filters (sent as "${MATCH_ALL_SEARCH_TERM}", a best guess)`,
	),
	...showOnlyFor('priceList', 'search', returnAllAndLimit()),
	searchFilters(show),
], show);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const term = searchTermOf(this, itemIndex);
	const filters = readSearchFilters(this, itemIndex);
	const paging = readReturnAllAndLimit(this, itemIndex);

	// For more than one small page, the count tells how many entries to expect, so that a service
	// capping Take below what is asked cannot end the listing early, and pages can be as large as
	// the service serves.
	let knownTotal: number | undefined;
	if (paging.returnAll || paging.limit > PRICE_LIST_PAGE_SIZE) {
		const countBody = await apiRequest(this, 'GET', PRICE_LIST_COUNT_PATH, { pathParams: { term }, qs: filters }, itemIndex);
		knownTotal = readCount(countBody);
	}

	return await apiRequestAllItems(
		this,
		'GET',
		PRICE_LIST_SEARCH_PATH,
		{ pathParams: { term }, qs: filters },
		{ ...paging, pageSize: knownTotal === undefined ? PRICE_LIST_PAGE_SIZE : PRICE_LIST_COUNTED_TAKE, knownTotal },
		itemIndex,
	);
}
