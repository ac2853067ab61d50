/**
 * Where each quote operation goes: the quotes location (a guess the user may correct in Options)
 * followed by the part public client code shows for the operation.
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { textInVersion1 } from '../../shared/descriptions';
import { PURCHASE_QUOTE_SUFFIXES } from '../endpoints';
import { readQuotesLocation } from './guessOptions';
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
