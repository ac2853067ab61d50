import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { withMaxConcurrentRequests } from '../../../shared/descriptions';
import { PURCHASE_QUOTE_PATHS } from '../../guesses';
import { readGuid } from '../../helpers/fields';
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
		description: 'The documentGuid of the quote, as the list returns it',
		displayOptions: { show },
	},
], show);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const documentGuid = readGuid(this, 'documentGuid', 'Document GUID', itemIndex);
	return await apiRequest<IDataObject>(this, 'GET', PURCHASE_QUOTE_PATHS.byGuid, { pathParams: { documentGuid } }, itemIndex);
}
