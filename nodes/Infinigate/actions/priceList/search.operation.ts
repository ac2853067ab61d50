import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { MATCH_ALL_SEARCH_TERM, PRICE_LIST_PAGE_SIZE, readCount } from '../../guesses';
import { getPagedList, infinigateRequest } from '../../transport';
import { returnAllAndLimit, showOnlyFor } from '../../../shared/descriptions';
import { readReturnAllAndLimit } from '../../../shared/validation';
import { readSearchFilters, searchFilters } from './filters';

const show = { resource: ['priceList'], operation: ['search'] };

/** The Search Term field of Search and Count; read it with `searchTermOf`. */
export function searchTermField(operation: string, hint: string): INodeProperties {
	return {
		displayName: 'Search Term',
		name: 'searchTerm',
		type: 'string',
		default: '',
		placeholder: 'e.g. switch',
		description: 'Matched against the SKU and the description of each product',
		hint,
		displayOptions: { show: { resource: ['priceList'], operation: [operation] } },
	};
}

export const description: INodeProperties[] = [
	searchTermField(
		'search',
		`Leave empty to list every product matching the filters (sent as "${MATCH_ALL_SEARCH_TERM}", a best guess)`,
	),
	...showOnlyFor('priceList', 'search', returnAllAndLimit()),
	searchFilters(show),
];

export function searchTermOf(ctx: IExecuteFunctions, itemIndex: number): string {
	const term = String(ctx.getNodeParameter('searchTerm', itemIndex, '') ?? '').trim();
	return term === '' ? MATCH_ALL_SEARCH_TERM : term;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const term = searchTermOf(this, itemIndex);
	const filters = readSearchFilters(this, itemIndex);
	const paging = readReturnAllAndLimit(this, itemIndex);

	// For Return All, the count tells how many entries to expect, so that a service capping Take
	// below our page size cannot end the listing early.
	let knownTotal: number | undefined;
	if (paging.returnAll) {
		const countBody = await infinigateRequest(
			this,
			{ method: 'GET', path: '/product-management/v1/pricelist/search/count/{term}', pathParams: { term }, qs: filters },
			itemIndex,
		);
		knownTotal = readCount(countBody);
	}

	return await getPagedList(
		this,
		itemIndex,
		{ method: 'GET', path: '/product-management/v1/pricelist/search/{term}', pathParams: { term }, qs: filters },
		{ ...paging, pageSize: PRICE_LIST_PAGE_SIZE, knownTotal },
	);
}
