import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fromVersion11, onlyInVersion1, showOnlyFor, withMaxConcurrentRequests, overrideField } from '../../../shared/descriptions';
import type { ItemResult } from '../../../shared/items';
import { objectAnswer } from '../../../shared/collabor8GatewayService';
import { readBoolean } from '../../../shared/validation';
import {
	productDetailsEndpointField,
	productIdField,
	readProductDetailsEndpoint,
	readProductId,
} from '../../helpers/fields';
import { simplifyProduct } from '../../helpers/simplify';
import { apiRequest } from '../../transport';

const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: false,
	description:
		'Whether to return a flat version of the product, ready for a spreadsheet: its main fields, then one field per property named "Name (unit)" holding the value',
};

export const description: INodeProperties[] = showOnlyFor('product', 'get', withMaxConcurrentRequests([
	productIdField,
	// Version 1 kept Simplify off by default; workflows saved then keep that, since n8n does not save defaults.
	onlyInVersion1(simplifyField),
	fromVersion11({ ...simplifyField, default: true }),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [productDetailsEndpointField],
	},
]));

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const eqhubProductId = readProductId(this, itemIndex);
	const simplify = readBoolean(this, 'simplify', 'Simplify', itemIndex, { fallback: this.getNode().typeVersion >= 1.1 });
	const endpoint = readProductDetailsEndpoint(this, itemIndex);
	const answer = await apiRequest(this, 'GET', endpoint, { pathParams: { eqhubProductId }, addressField: overrideField(this, 'Product Details Address') }, itemIndex);
	const product = objectAnswer(this, itemIndex, answer, `the product ${eqhubProductId}`);
	return simplify ? simplifyProduct(product) : product;
}
