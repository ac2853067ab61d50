import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { withMaxConcurrentRequests } from '../../../shared/descriptions';
import { PRICE_LIST_COUNT_PATH } from '../../endpoints';
import { MATCH_ALL_SEARCH_TERM, readCount } from '../../guesses';
import { searchTermField, searchTermOf } from '../../helpers/priceListSearch';
import { apiRequest } from '../../transport';

export const description: INodeProperties[] = withMaxConcurrentRequests([
	searchTermField(
		'count',
		`Leave empty to count every product (sends "${MATCH_ALL_SEARCH_TERM}", a guess). The shape of the answer is not documented; a number or {count} is read.`,
	),
], { resource: ['priceList'], operation: ['count'] });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const term = searchTermOf(this, itemIndex);
	const body = await apiRequest(this, 'GET', PRICE_LIST_COUNT_PATH, { pathParams: { term } }, itemIndex);
	const count = readCount(body);
	if (count === undefined) {
		throw new NodeOperationError(this.getNode(), 'Infinigate: the count endpoint answered in an unknown shape', {
			itemIndex,
			description: `Expected a number or {count}; got ${JSON.stringify(body).slice(0, 200)}. Please report it: the shape is a guess in nodes/Infinigate/guesses.ts.`,
		});
	}
	return { searchTerm: term, count };
}
