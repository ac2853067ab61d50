import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { MATCH_ALL_SEARCH_TERM, readCount } from '../../guesses';
import { infinigateRequest } from '../../transport';
import { searchTermOf } from './search.operation';

const show = { resource: ['priceList'], operation: ['count'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Search Term',
		name: 'searchTerm',
		type: 'string',
		default: '',
		placeholder: 'e.g. switch',
		description: 'Matched against the SKU and the description of each product',
		hint: `Leave empty to count every product (sends "${MATCH_ALL_SEARCH_TERM}", a guess). The shape of the answer is not documented; a number or {count} is read.`,
		displayOptions: { show },
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const term = searchTermOf(this, itemIndex);
	const body = await infinigateRequest(
		this,
		{ method: 'GET', path: '/product-management/v1/pricelist/search/count/{term}', pathParams: { term } },
		itemIndex,
	);
	const count = readCount(body);
	if (count === undefined) {
		throw new NodeOperationError(this.getNode(), 'Infinigate: the count endpoint answered in an unknown shape', {
			itemIndex,
			description: `Expected a number or {count}; got ${JSON.stringify(body).slice(0, 200)}. Please report it: the shape is a guess in nodes/Infinigate/guesses.ts.`,
		});
	}
	return { searchTerm: term, count };
}
