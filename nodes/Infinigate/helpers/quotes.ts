/**
 * Where each quote operation goes: the quotes location (a guess the user may correct in Options)
 * followed by the part public client code shows for the operation.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { textInVersion1 } from '../../shared/descriptions';
import { PURCHASE_QUOTE_SUFFIXES } from '../endpoints';
import { apiRequest } from '../transport';
import { objectAnswer } from './answers';
import type { DocumentReference, LocatedDocument } from './documentLocator';
import { QUOTES_LOCATION_ALTERNATIVE, readQuotesLocation, withLocationHint } from './guessOptions';
import { pickFromList } from './listSearch';

export function quotePath(ctx: IExecuteFunctions, itemIndex: number, operation: keyof typeof PURCHASE_QUOTE_SUFFIXES): string {
	return `${readQuotesLocation(ctx, itemIndex)}${PURCHASE_QUOTE_SUFFIXES[operation]}`;
}

/** The quote's Document Number, picked from the list of quotes or typed; plain text in version 1, whose workflows keep it. */
export function quoteNumberFields(show: { resource: string[]; operation: string[] }): INodeProperties[] {
	return textInVersion1(
		pickFromList(
			{ displayName: 'Document Number', name: 'documentNumber', description: 'The number of the purchase quote', displayOptions: { show } },
			'searchPurchaseQuotes',
			{ displayName: 'By Number', placeholder: 'e.g. AN24-200001' },
		),
	);
}

/** How Get names one quote from version 1.3 on. */
export const QUOTE_LOCATOR: LocatedDocument = {
	displayName: 'Purchase Quote',
	noun: 'purchase quote',
	searchListMethod: 'searchPurchaseQuotes',
	listScope: 'your quotes with their status and revision',
	numberExample: 'AN24-200001',
};

/** One quote, by GUID or by number, read strictly; a "not found" at the quotes location names Quotes Address. */
export async function fetchQuote(ctx: IExecuteFunctions, itemIndex: number, by: DocumentReference): Promise<IDataObject> {
	const path = quotePath(ctx, itemIndex, 'documentGuid' in by ? 'byGuid' : 'byNumber');
	const body = await withLocationHint(
		ctx,
		itemIndex,
		apiRequest(ctx, 'GET', path, { pathParams: { ...by } }, itemIndex),
		'Quotes Address',
		QUOTES_LOCATION_ALTERNATIVE,
	);
	return await objectAnswer(ctx, itemIndex, body, `quote ${'documentGuid' in by ? by.documentGuid : by.documentNumber}`);
}
