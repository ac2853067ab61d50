/** Get Many: every manufacturer Infinigate carries, one item each. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, showOnlyFor, withMaxConcurrentRequests } from '../../../shared/descriptions';
import { readReturnAllAndLimit } from '../../../shared/validation';
import { MANUFACTURER_LIST_PATH } from '../../endpoints';
import { readManufacturers } from '../../guesses';
import { onDocumentedPath } from '../../helpers/answers';
import { apiRequest, unreadableAnswerError } from '../../transport';

export const description: INodeProperties[] = withMaxConcurrentRequests(
	showOnlyFor('manufacturer', 'getMany', returnAllAndLimit()),
	{ resource: ['manufacturer'], operation: ['getMany'] },
);

/** The manufacturer list, read whatever its documented-as-"names" shape turns out to be. */
export async function fetchManufacturers(ctx: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	// A list of names is what public code describes; the request layer takes only lists of objects
	// as JSON, so the answer is read as text and parsed here.
	const text = await onDocumentedPath(apiRequest<string>(ctx, 'GET', MANUFACTURER_LIST_PATH, { expect: 'text' }, itemIndex));
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		body = undefined;
	}
	const manufacturers = readManufacturers(body);
	if (manufacturers === undefined) {
		throw await unreadableAnswerError(ctx, itemIndex, text === '' ? undefined : text, 'the manufacturer list', 'a list of names or of objects');
	}
	return manufacturers;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const paging = readReturnAllAndLimit(this, itemIndex);
	const manufacturers = await fetchManufacturers(this, itemIndex);
	return paging.returnAll ? manufacturers : manufacturers.slice(0, paging.limit);
}
