import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredString } from '../../../shared/validation';
import { PURCHASE_QUOTE_PATH } from '../../guesses';
import { infinigateRequest } from '../../transport';

export const description: INodeProperties[] = [
	{
		displayName: 'Document Number',
		name: 'documentNumber',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. AN24-000042',
		description: 'The number of the quote',
		displayOptions: { show: { resource: ['purchaseQuote'], operation: ['getByDocumentNumber'] } },
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const documentNumber = requiredString(this, 'documentNumber', 'Document Number', itemIndex);
	return await infinigateRequest<IDataObject>(
		this,
		{ method: 'GET', path: `${PURCHASE_QUOTE_PATH}/documentNumber/{documentNumber}`, pathParams: { documentNumber } },
		itemIndex,
	);
}
