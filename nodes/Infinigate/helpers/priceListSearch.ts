/**
 * The fields of Search and Count: the search term, and the price-list filters. Within one filter the
 * values are OR-ed, across filters AND-ed (the guide); each value repeats the query parameter
 * (`VendorCodes=HP&VendorCodes=Dell`).
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { QueryValue } from '../../shared/request';
import { splitList } from '../../shared/validation';
import { MATCH_ALL_SEARCH_TERM } from '../guesses';

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

export function searchTermOf(ctx: IExecuteFunctions, itemIndex: number): string {
	const term = String(ctx.getNodeParameter('searchTerm', itemIndex, '') ?? '').trim();
	return term === '' ? MATCH_ALL_SEARCH_TERM : term;
}

export const END_USER_TYPES = ['Government', 'Education', 'Standard'] as const;

export function searchFilters(show: { resource: string[]; operation: string[] }): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'End User Types',
				name: 'endUserTypes',
				type: 'multiOptions',
				default: [],
				options: END_USER_TYPES.map((value) => ({ name: value, value })),
				description: 'Only products for these end-user types (any of them)',
			},
			{
				displayName: 'Product Types',
				name: 'productTypes',
				type: 'string',
				default: '',
				placeholder: 'e.g. Hardware, Software',
				description: 'Only products of these types (any of them), separated by commas',
			},
			{
				displayName: 'Vendor Codes',
				name: 'vendorCodes',
				type: 'string',
				default: '',
				placeholder: 'e.g. HP, DELL',
				description: 'Only products of these vendors (any of them), separated by commas',
			},
		],
	};
}

export function readSearchFilters(ctx: IExecuteFunctions, itemIndex: number): Record<string, QueryValue | undefined> {
	const filters = ctx.getNodeParameter('filters', itemIndex, {}) as Record<string, unknown>;
	const list = (value: unknown): string[] | undefined => {
		const values = splitList(value);
		return values.length > 0 ? values : undefined;
	};
	return {
		VendorCodes: list(filters.vendorCodes),
		ProductTypes: list(filters.productTypes),
		EndUserTypes: list(filters.endUserTypes),
	};
}
