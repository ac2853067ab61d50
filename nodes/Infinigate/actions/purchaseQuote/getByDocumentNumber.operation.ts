import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { withMaxConcurrentRequests } from '../../../shared/descriptions';
import { readDocumentNumber } from '../../helpers/fields';
import { QUOTES_LOCATION_ALTERNATIVE, quotesLocationOption, withLocationHint } from '../../helpers/guessOptions';
import { objectAnswer } from '../../helpers/answers';
import { quoteNumberFields, quotePath } from '../../helpers/quotes';
import { apiRequest } from '../../transport';

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
	const path = quotePath(this, itemIndex, 'byNumber');
	const body = await withLocationHint(
		this,
		itemIndex,
		apiRequest(this, 'GET', path, { pathParams: { documentNumber } }, itemIndex),
		'Quotes Address',
		QUOTES_LOCATION_ALTERNATIVE,
	);
	return await objectAnswer(this, itemIndex, body, `quote ${documentNumber}`);
}
