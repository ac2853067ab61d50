/**
 * The Options fields that let a user correct a guess of guesses.ts without waiting for a release:
 * each has the guess as its default and says that the default is unconfirmed. Quotes Address is no
 * longer a guess (public production evidence, see endpoints.ts) but stays, so that workflows that set
 * it keep working.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { asNodeError } from '../../shared/items';
import { readWholeNumber } from '../../shared/validation';
import { PURCHASE_QUOTE_PATH } from '../endpoints';
import { QUOTE_REQUEST_PATH } from '../guesses';
import { asWrongAddress } from './answers';
import { readLocation } from './fields';
import { overridePath, overrideField } from '../../shared/descriptions';

export const QUOTES_LOCATION_ALTERNATIVE = '/invoice-management/v2/purchasequote';

export const quotesLocationOption: INodeProperties = {
	displayName: 'Quotes Address',
	name: 'quotesLocation',
	type: 'string',
	default: PURCHASE_QUOTE_PATH,
	description: 'Where your Infinigate account serves purchase quotes, after the Base URL',
	hint: 'The default is where production accounts serve quotes (public evidence)',
};

export const requestLocationOption: INodeProperties = {
	displayName: 'Quote Request Address',
	name: 'requestLocation',
	type: 'string',
	default: QUOTE_REQUEST_PATH,
	description: 'Where your Infinigate account takes quote requests, after the Base URL',
	hint: 'Public client code posts here; its README names /order-management/v2/purchaseorder/request: try that one if Infinigate answers "Resource not found"',
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
	return readLocation(ctx, overridePath(ctx, 'quotesLocation'), 'Quotes Address', itemIndex, PURCHASE_QUOTE_PATH);
}

export function readPageSize(ctx: IExecuteFunctions, itemIndex: number, fallback: number): number {
	return readWholeNumber(ctx, overridePath(ctx, 'pageSize'), 'Page Size', itemIndex, { min: 1, max: 1000 }) ?? fallback;
}

/**
 * The gateway's "Resource not found" from a location the user may correct names the option to
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

/**
 * The gateway's "Resource not found" told which option corrects the location; any other error
 * unchanged (the service's own 404 for an unknown quote is about the quote, not the address).
 */
export function withLocationAdvice(error: unknown, option: string, alternative: string): unknown {
	const field = error instanceof NodeApiError ? overrideField({ getNode: () => error.node }, option) : `Options → ${option}`;
	return withLocationAdviceNaming(error, field, alternative);
}

/**
 * The same advice, naming the field as the caller gives it: a trigger, whose overrides moved to API
 * Overrides in its own version 1.1 rather than the node's 1.2, names its field itself.
 */
export function withLocationAdviceNaming(error: unknown, field: string, alternative: string): unknown {
	return asWrongAddress(error, field, `Your account serves nothing at this address: set ${field} (for example ${alternative}).`);
}

/**
 * A refusal of the page size (HTTP 400 whose field errors name `Take`) names Options → Page Size:
 * the largest page is a guess (guesses.ts), and the service's own words say what it allows.
 */
export function withPageSizeAdvice(error: unknown): unknown {
	if (!(error instanceof NodeApiError) || String(error.httpCode) !== '400') return error;
	const body = (error.errorResponse as { body?: unknown } | undefined)?.body;
	const errors = body !== null && typeof body === 'object' ? (body as IDataObject).errors : undefined;
	if (errors === null || typeof errors !== 'object' || !Object.keys(errors).some((name) => name.toLowerCase() === 'take')) return error;
	const field = overrideField({ getNode: () => error.node }, 'Page Size');
	error.message = `Infinigate refused the page size: lower ${field} (${error.message.replace(/^Infinigate: /, '')})`;
	error.description = [
		`The node asked for more entries per request than your account serves. Set ${field} to the largest page Infinigate names.`,
		error.description,
	]
		.filter(Boolean)
		.join(' ');
	return error;
}
