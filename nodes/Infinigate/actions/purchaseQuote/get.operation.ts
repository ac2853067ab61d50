import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { withMaxConcurrentRequests } from '../../../shared/descriptions';
import { readGuid } from '../../helpers/fields';
import { QUOTES_LOCATION_ALTERNATIVE, quotesLocationOption, withLocationHint } from '../../helpers/guessOptions';
import { objectAnswer } from '../../helpers/answers';
import { quotePath } from '../../helpers/quotes';
import { apiRequest } from '../../transport';

const show = { resource: ['purchaseQuote'], operation: ['get'] };

export const description: INodeProperties[] = withMaxConcurrentRequests([
	{
		displayName: 'Document GUID',
		name: 'documentGuid',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 3f2504e0-4f89-11d3-9a0c-0305e82c3301',
		description: 'The documentGuid of the purchase quote, as the list returns it',
		displayOptions: { show },
	},
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
	const documentGuid = readGuid(this, 'documentGuid', 'Document GUID', itemIndex);
	const path = quotePath(this, itemIndex, 'byGuid');
	const body = await withLocationHint(
		this,
		itemIndex,
		apiRequest(this, 'GET', path, { pathParams: { documentGuid } }, itemIndex),
		'Quotes Address',
		QUOTES_LOCATION_ALTERNATIVE,
	);
	return await objectAnswer(this, itemIndex, body, `quote ${documentGuid}`);
}
