/**
 * Where each quote operation goes: the quotes location (a guess the user may correct in Options)
 * followed by the part public client code shows for the operation.
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { PURCHASE_QUOTE_SUFFIXES } from '../guesses';
import { readQuotesLocation } from './guessOptions';
import { pickFromList } from './listSearch';

export function quotePath(ctx: IExecuteFunctions, itemIndex: number, operation: keyof typeof PURCHASE_QUOTE_SUFFIXES): string {
	return `${readQuotesLocation(ctx, itemIndex)}${PURCHASE_QUOTE_SUFFIXES[operation]}`;
}

/** The quote's Document Number: picked from the list of quotes, or typed. */
export function quoteNumberField(show: { resource: string[]; operation: string[] }): INodeProperties {
	return pickFromList(
		{ displayName: 'Document Number', name: 'documentNumber', description: 'The number of the purchase quote', displayOptions: { show } },
		'searchPurchaseQuotes',
		{ displayName: 'By Number', placeholder: 'e.g. AN24-200001' },
	);
}
