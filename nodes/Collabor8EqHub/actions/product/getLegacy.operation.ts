import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showOnlyFor, withMaxConcurrentRequests } from '../../../shared/descriptions';
import type { ItemResult } from '../../../shared/items';
import { objectAnswer, readIdentifier } from '../../../shared/collabor8GatewayService';
import { LEGACY_PRODUCT_PATH } from '../../endpoints';
import { apiRequest } from '../../transport';

export const description: INodeProperties[] = showOnlyFor('product', 'getLegacy', withMaxConcurrentRequests([
	{
		displayName: 'Product ID (TEK Number)',
		name: 'legacyId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 100234',
		description: 'The ID of the product in the former EqHub (its TEK number)',
		hint: 'The answer keeps the response structure of the former EqHub',
	},
]));

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const id = readIdentifier(this, itemIndex, 'legacyId', 'Product ID (TEK Number)');
	return objectAnswer(this, itemIndex, await apiRequest(this, 'GET', LEGACY_PRODUCT_PATH, { pathParams: { id } }, itemIndex), `the product ${id}`);
}
