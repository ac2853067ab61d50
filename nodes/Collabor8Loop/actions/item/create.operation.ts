import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showOnlyFor, withMaxConcurrentRequests } from '../../../shared/descriptions';
import type { ItemResult } from '../../../shared/items';
import { jsonOutput } from '../../../shared/items';
import { inputError, optionalString, requiredString } from '../../../shared/validation';
import { ITEM_CREATE } from '../../guesses';
import { guessNotice } from '../../helpers/fields';
import { apiRequest } from '../../transport';

export const description: INodeProperties[] = showOnlyFor('item', 'create', withMaxConcurrentRequests([
	guessNotice('The path and body of item creation'),
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Centrifugal pump, 2 pcs, unused',
		description: 'What the item is (objectInformation.description)',
	},
	{
		displayName: 'Product Class',
		name: 'productClass',
		type: 'string',
		default: '',
		placeholder: 'e.g. Architectural',
		description: 'The product class of the item (objectInformation.productClass)',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Other Item Fields (JSON)',
				name: 'json',
				type: 'json',
				default: '{\n  "objectInformation": {},\n  "saleInformation": {}\n}',
				description:
					'Any other fields of the item, as Loop names them; merged into the body (objectInformation is merged field by field)',
			},
		],
	},
]));

function readJsonObject(ctx: IExecuteFunctions, itemIndex: number, raw: unknown): IDataObject {
	if (raw === undefined || raw === '') return {};
	let value = raw;
	if (typeof raw === 'string') {
		try {
			value = JSON.parse(raw);
		} catch (error) {
			throw inputError(ctx, itemIndex, 'Other Item Fields (JSON)', `is not valid JSON: ${(error as Error).message}`);
		}
	}
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		throw inputError(ctx, itemIndex, 'Other Item Fields (JSON)', 'must be a JSON object');
	}
	return value as IDataObject;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const itemDescription = requiredString(this, 'description', 'Description', itemIndex);
	const productClass = optionalString(this, 'productClass', itemIndex);
	const { json } = this.getNodeParameter('additionalFields', itemIndex, {}) as { json?: unknown };
	const extra = readJsonObject(this, itemIndex, json);

	const extraObjectInformation =
		extra.objectInformation && typeof extra.objectInformation === 'object' ? (extra.objectInformation as IDataObject) : {};
	const body: IDataObject = {
		...extra,
		objectInformation: {
			...extraObjectInformation,
			description: itemDescription,
			...(productClass ? { productClass } : {}),
		},
	};
	return jsonOutput(await apiRequest(this, ITEM_CREATE.method, ITEM_CREATE.path, { body }, itemIndex));
}
