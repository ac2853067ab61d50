/** Get by Document Number: one purchase quote by its number (versions 1 to 1.2; 1.3's Get does it By Number). */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { withMaxConcurrentRequests } from '../../../shared/descriptions';
import { readDocumentNumber } from '../../helpers/fields';
import { quotesLocationOption } from '../../helpers/guessOptions';
import { fetchQuote, quoteNumberFields } from '../../helpers/quotes';

const show = { resource: ['purchaseQuote'], operation: ['getByDocumentNumber'] };

export const description: INodeProperties[] = withMaxConcurrentRequests([
	...quoteNumberFields(show),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [quotesLocationOption],
	},
], show);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const documentNumber = readDocumentNumber(this, 'documentNumber', 'Document Number', itemIndex);
	return await fetchQuote(this, itemIndex, { documentNumber });
}
