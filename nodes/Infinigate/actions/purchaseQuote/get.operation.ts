/**
 * Get: one purchase quote. From version 1.3 on it is the only Get, named by a locator (from the
 * list, by number or by GUID); until 1.2 it takes the GUID and Get by Document Number the number.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { withMaxConcurrentRequests } from '../../../shared/descriptions';
import { documentLocatorField, ONE_GET_VERSION, readDocumentLocator, untilVersion12 } from '../../helpers/documentLocator';
import { readGuid } from '../../helpers/fields';
import { quotesLocationOption } from '../../helpers/guessOptions';
import { fetchQuote, QUOTE_LOCATOR } from '../../helpers/quotes';

const show = { resource: ['purchaseQuote'], operation: ['get'] };

export const description: INodeProperties[] = withMaxConcurrentRequests([
	documentLocatorField(QUOTE_LOCATOR, show),
	untilVersion12({
		displayName: 'Document GUID',
		name: 'documentGuid',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 3f2504e0-4f89-11d3-9a0c-0305e82c3301',
		description: 'The documentGuid of the purchase quote, as the list returns it',
		displayOptions: { show },
	}),
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
	const by =
		this.getNode().typeVersion >= ONE_GET_VERSION
			? readDocumentLocator(this, itemIndex, QUOTE_LOCATOR.displayName)
			: { documentGuid: readGuid(this, 'documentGuid', 'Document GUID', itemIndex) };
	return await fetchQuote(this, itemIndex, by);
}
