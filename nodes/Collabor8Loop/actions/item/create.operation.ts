import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { guessedEndpointField, readChoiceOption, readEndpoint, UNCONFIRMED_HINT } from '../../../shared/collabor8GatewayService';
import { showOnlyFor, withMaxConcurrentRequests, overridePath, overrideField } from '../../../shared/descriptions';
import type { ItemResult } from '../../../shared/items';
import { jsonOutput } from '../../../shared/items';
import { inputError, readText } from '../../../shared/validation';
import { ITEM_CREATE, WRITE_METHODS } from '../../guesses';
import { apiRequest } from '../../transport';

const { method: guessedMethod } = ITEM_CREATE;

export const description: INodeProperties[] = showOnlyFor('item', 'create', withMaxConcurrentRequests([
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
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			guessedEndpointField({ displayName: 'Item Address', name: 'itemEndpoint', default: ITEM_CREATE.path, serves: 'new items' }),
			{
				displayName: 'Item Method',
				name: 'itemMethod',
				type: 'options',
				options: WRITE_METHODS.map((method) => ({ name: method, value: method })),
				default: guessedMethod,
				description: 'How a new item is sent',
				hint: UNCONFIRMED_HINT,
			},
		],
	},
]));

const JSON_FIELD = 'Other Item Fields (JSON)';

/**
 * Loop's limits are not public; these only stop what is plainly not an item's text (a whole sheet
 * pasted into one cell) before it is sent.
 */
const MAX_DESCRIPTION_LENGTH = 10_000;
const MAX_NAME_LENGTH = 200;

function readJsonObject(ctx: IExecuteFunctions, itemIndex: number, raw: unknown): IDataObject {
	if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return {};
	let value = raw;
	if (typeof raw === 'string') {
		try {
			value = JSON.parse(raw);
		} catch (error) {
			throw inputError(ctx, itemIndex, JSON_FIELD, `is not valid JSON: ${(error as Error).message}`);
		}
	}
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		throw inputError(ctx, itemIndex, JSON_FIELD, 'must be a JSON object');
	}
	const objectInformation = (value as IDataObject).objectInformation;
	if (objectInformation !== undefined && (objectInformation === null || typeof objectInformation !== 'object' || Array.isArray(objectInformation))) {
		throw inputError(ctx, itemIndex, JSON_FIELD, 'must hold objectInformation as an object');
	}
	return value as IDataObject;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const itemDescription = readText(this, 'description', 'Description', itemIndex, {
		required: true,
		maxLength: MAX_DESCRIPTION_LENGTH,
	});
	const productClass = readText(this, 'productClass', 'Product Class', itemIndex, { maxLength: MAX_NAME_LENGTH });
	const { json } = this.getNodeParameter('additionalFields', itemIndex, {}) as { json?: unknown };
	const extra = readJsonObject(this, itemIndex, json);
	const endpoint = readEndpoint(this, itemIndex, overridePath(this, 'itemEndpoint'), 'Item Address', ITEM_CREATE.path);
	const method = readChoiceOption(this, itemIndex, overridePath(this, 'itemMethod'), 'Item Method', WRITE_METHODS, ITEM_CREATE.method);

	const body: IDataObject = {
		...extra,
		objectInformation: {
			...((extra.objectInformation as IDataObject | undefined) ?? {}),
			description: itemDescription,
			...(productClass ? { productClass } : {}),
		},
	};
	return jsonOutput(await apiRequest(this, method, endpoint, { body, addressField: overrideField(this, 'Item Address and Item Method') }, itemIndex));
}
