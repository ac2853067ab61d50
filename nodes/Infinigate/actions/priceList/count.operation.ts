import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { withMaxConcurrentRequests } from '../../../shared/descriptions';
import { answerError } from '../../../shared/request';
import { PRICE_LIST_COUNT_PATH } from '../../endpoints';
import { readCount } from '../../guesses';
import { readSearchFilters, searchFilters, searchTermField, searchTermOf } from '../../helpers/priceListSearch';
import { onDocumentedPath } from '../../helpers/answers';
import { apiRequest, infinigateService } from '../../transport';

export const description: INodeProperties[] = withMaxConcurrentRequests([
	searchTermField('count'),
	searchFilters({ resource: ['priceList'], operation: ['count'] }),
], { resource: ['priceList'], operation: ['count'] });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const term = searchTermOf(this, itemIndex);
	const filters = readSearchFilters(this, itemIndex);
	const body = await onDocumentedPath(apiRequest(this, 'GET', PRICE_LIST_COUNT_PATH, { pathParams: { term }, qs: filters }, itemIndex));
	const count = readCount(body);
	if (count === undefined) {
		throw await answerError(this, infinigateService, itemIndex, {
			message: 'Infinigate answered the count in a shape the node does not know',
			description: (quote) => `Expected a number or {count}; the answer began: ${quote(body, 200)}. Please report it, so that the node learns this shape.`,
		});
	}
	return { searchTerm: term, count };
}
