/**
 * The Options fields that let a user correct a guess of guesses.ts without waiting for a release:
 * each has the guess as its default and says that the default is unconfirmed.
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { asNodeError } from '../../shared/items';
import { readWholeNumber } from '../../shared/validation';
import { PURCHASE_QUOTE_PATH, QUOTE_REQUEST_PATH } from '../guesses';
import { readLocation } from './fields';

export const QUOTES_LOCATION_ALTERNATIVE = '/invoice-management/v2/purchasequote';

export const quotesLocationOption: INodeProperties = {
	displayName: 'Quotes Address',
	name: 'quotesLocation',
	type: 'string',
	default: PURCHASE_QUOTE_PATH,
	description: 'Where your Infinigate account serves purchase quotes, after the Base URL',
	hint: `The default is unconfirmed. If every quote answers "not found", try ${QUOTES_LOCATION_ALTERNATIVE}.`,
};

export const requestLocationOption: INodeProperties = {
	displayName: 'Quote Request Address',
	name: 'requestLocation',
	type: 'string',
	default: QUOTE_REQUEST_PATH,
	description: 'Where your Infinigate account takes quote requests, after the Base URL',
	hint: 'The default is unconfirmed. If Infinigate answers "not found", try /order-management/v2/purchaseorder/request.',
};

export function pageSizeOption(defaultSize: number, noun: string): INodeProperties {
	return {
		displayName: 'Page Size',
		name: 'pageSize',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 1000 },
		default: defaultSize,
		description: `How many ${noun} to ask for per request`,
		hint: 'The default is unconfirmed. Lower it if Infinigate refuses large pages.',
	};
}

export function readQuotesLocation(ctx: IExecuteFunctions, itemIndex: number): string {
	return readLocation(ctx, 'options.quotesLocation', 'Quotes Address', itemIndex, PURCHASE_QUOTE_PATH);
}

export function readPageSize(ctx: IExecuteFunctions, itemIndex: number, fallback: number): number {
	return readWholeNumber(ctx, 'options.pageSize', 'Page Size', itemIndex, { min: 1, max: 1000 }) ?? fallback;
}

/**
 * A "not found" from a location the user may correct gets a description saying which option to
 * change; any other error passes unchanged.
 */
export async function withLocationHint<T>(
	ctx: IExecuteFunctions,
	itemIndex: number,
	call: Promise<T>,
	option: string,
	alternative: string,
): Promise<T> {
	try {
		return await call;
	} catch (error) {
		throw asNodeError(ctx, withLocationAdvice(error, option, alternative), itemIndex);
	}
}

/** A "not found" error told which option corrects the location; any other error unchanged. */
export function withLocationAdvice(error: unknown, option: string, alternative: string): unknown {
	if (error instanceof NodeApiError && String(error.httpCode) === '404') {
		const hint = `If this happens for every document, your account may serve them elsewhere: set Options → ${option} (for example ${alternative}).`;
		error.description = error.description ? `${error.description} ${hint}` : hint;
	}
	return error;
}
