/**
 * Get: one purchase quote. From version 1.3 on it is the only Get, named by a locator (from the
 * list, by number or by GUID); until 1.2 it takes the GUID and Get by Document Number the number.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { withMaxConcurrentRequests } from '../../../shared/descriptions';
import { documentGuidField, documentLocatorField, readGetReference } from '../../helpers/documentLocator';
import { quotesLocationOption } from '../../helpers/guessOptions';
import { fetchQuote, QUOTE_LOCATOR } from '../../helpers/quotes';

const show = { resource: ['purchaseQuote'], operation: ['get'] };

export const description: INodeProperties[] = withMaxConcurrentRequests([
	documentLocatorField(QUOTE_LOCATOR, show),
	documentGuidField(QUOTE_LOCATOR.noun, show),
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
	return await fetchQuote(this, itemIndex, readGetReference(this, itemIndex, QUOTE_LOCATOR));
}
