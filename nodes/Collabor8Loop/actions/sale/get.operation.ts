import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { guessedEndpointField, objectAnswer, readEndpoint } from '../../../shared/collabor8GatewayService';
import { showOnlyFor, withMaxConcurrentRequests, overridePath, overrideField } from '../../../shared/descriptions';
import type { ItemResult } from '../../../shared/items';
import { SALE_PATH } from '../../guesses';
import { SALE_ID_HINT, readSaleId, saleIdFields } from '../../helpers/fields';
import { apiRequest } from '../../transport';

export const description: INodeProperties[] = showOnlyFor('sale', 'get', withMaxConcurrentRequests([
	...saleIdFields(SALE_ID_HINT),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [guessedEndpointField({ displayName: 'Sale Address', name: 'saleEndpoint', default: SALE_PATH, serves: 'one sale' })],
	},
]));

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const saleId = readSaleId(this, itemIndex);
	const endpoint = readEndpoint(this, itemIndex, overridePath(this, 'saleEndpoint'), 'Sale Address', SALE_PATH, ['saleId']);
	const answer = await apiRequest(this, 'GET', endpoint, { pathParams: { saleId }, addressField: overrideField(this, 'Sale Address') }, itemIndex);
	return objectAnswer(this, itemIndex, answer, `the sale ${saleId}`);
}
