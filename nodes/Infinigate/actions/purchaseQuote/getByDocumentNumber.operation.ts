import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { withMaxConcurrentRequests } from '../../../shared/descriptions';
import { requiredString } from '../../../shared/validation';
import { PURCHASE_QUOTE_PATHS } from '../../guesses';
import { apiRequest } from '../../transport';

const show = { resource: ['purchaseQuote'], operation: ['getByDocumentNumber'] };

export const description: INodeProperties[] = withMaxConcurrentRequests([
	{
		displayName: 'Document Number',
		name: 'documentNumber',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. AN24-000042',
		description: 'The number of the quote',
		displayOptions: { show },
	},
], show);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const documentNumber = requiredString(this, 'documentNumber', 'Document Number', itemIndex);
	return await apiRequest<IDataObject>(
		this,
		'GET',
		PURCHASE_QUOTE_PATHS.byNumber,
		{ pathParams: { documentNumber } },
		itemIndex,
	);
}
