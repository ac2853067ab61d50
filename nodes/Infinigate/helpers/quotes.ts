/**
 * Where each quote operation goes: the quotes location (a guess the user may correct in Options)
 * followed by the part public client code shows for the operation.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { PURCHASE_QUOTE_SUFFIXES } from '../guesses';
import { readQuotesLocation } from './guessOptions';

export function quotePath(ctx: IExecuteFunctions, itemIndex: number, operation: keyof typeof PURCHASE_QUOTE_SUFFIXES): string {
	return `${readQuotesLocation(ctx, itemIndex)}${PURCHASE_QUOTE_SUFFIXES[operation]}`;
}
