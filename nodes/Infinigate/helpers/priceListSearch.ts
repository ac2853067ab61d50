/**
 * The fields of Search and Count: the search term, and the price-list filters. Within one filter the
 * values are OR-ed, across filters AND-ed (the guide); each value repeats the query parameter
 * (`VendorCodes=HP&VendorCodes=Dell`).
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { QueryValue } from '../../shared/request';
import { inputError, isEmptyInput, readPathValue } from '../../shared/validation';
import { readTextList, refuseControlCharacters } from './fields';

/** The Search Term field of Search and Count; read it with `searchTermOf`. */
export function searchTermField(operation: string): INodeProperties {
	return {
		displayName: 'Search Term',
		name: 'searchTerm',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. switch',
		description: 'Matched against the SKU and the description of each product',
		hint: "For a manufacturer's whole price list, use Get by Manufacturer",
		displayOptions: { show: { resource: ['priceList'], operation: [operation] } },
	};
}

/** The term goes into the request's path, so it is read as a path value (never empty, never dots). */
export function searchTermOf(ctx: IExecuteFunctions, itemIndex: number): string {
	if (isEmptyInput(ctx.getNodeParameter('searchTerm', itemIndex, '') as unknown)) {
		throw inputError(
			ctx,
			itemIndex,
			'Search Term',
			'must not be empty',
			"To list a manufacturer's whole price list, use the operation Get by Manufacturer.",
		);
	}
	const term = readPathValue(ctx, 'searchTerm', 'Search Term', itemIndex);
	if (term.length > 200) throw inputError(ctx, itemIndex, 'Search Term', `must be at most 200 characters long; got ${term.length}`);
	return refuseControlCharacters(ctx, term, 'Search Term', itemIndex);
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
				description:
					"Only products of these vendors (any of them), by Infinigate's vendor code, separated by commas. Infinigate publishes no list of the codes; to pick a manufacturer from a list, use Get by Manufacturer.",
			},
		],
	};
}

/**
 * The filters as query parameters. `EndUserTypes` is plural as public client code sends it and as
 * the guide's other list filters are named (its prose once writes "EndUserType").
 */
export function readSearchFilters(ctx: IExecuteFunctions, itemIndex: number): Record<string, QueryValue | undefined> {
	const list = (name: string, field: string): string[] | undefined => {
		const values = readTextList(ctx, `filters.${name}`, field, itemIndex);
		return values.length > 0 ? values : undefined;
	};
	return {
		VendorCodes: list('vendorCodes', 'Vendor Codes'),
		ProductTypes: list('productTypes', 'Product Types'),
		EndUserTypes: list('endUserTypes', 'End User Types'),
	};
}
