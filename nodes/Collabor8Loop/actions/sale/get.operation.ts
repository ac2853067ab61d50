import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showOnlyFor, withMaxConcurrentRequests } from '../../../shared/descriptions';
import type { ItemResult } from '../../../shared/items';
import { jsonOutput } from '../../../shared/items';
import { SALE_PATH } from '../../guesses';
import { guessNotice, readSaleId, saleIdField } from '../../helpers/fields';
import { apiRequest } from '../../transport';

export const description: INodeProperties[] = showOnlyFor('sale', 'get', withMaxConcurrentRequests([
	guessNotice('The path of a single sale'),
	saleIdField,
]));

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const saleId = readSaleId(this, itemIndex);
	return jsonOutput(await apiRequest(this, 'GET', SALE_PATH, { pathParams: { saleId } }, itemIndex));
}
