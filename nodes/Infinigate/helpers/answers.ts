/**
 * Two rules about what Infinigate answers, for every operation:
 *
 * - A wrong address is an error. Azure API Management, in front of the service, answers a route it
 *   does not know with `404 {"statusCode":404,"message":"Resource not found"}` (public, production:
 *   a production client got exactly this for each of seven guessed PDF routes; api-contracts.md,
 *   Infinigate). That 404 says nothing about documents or SKUs: it fails the item and names the
 *   field that corrects the address. Only the service's own 404 (ASP.NET's problem details for an
 *   unknown document or SKU) means "not there".
 * - An answer the node cannot read is an error naming the item: never an empty list, never an item
 *   whose json is a number, a string or nothing.
 */
import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { RequestContext } from '../../shared/request';
import { readListPage } from '../guesses';
import { LIST_SHAPE, unreadableAnswerError as unreadable } from '../transport';

/** Whether an error is the gateway's 404 for a route it does not know, rather than the service's own. */
export function isGatewayNotFound(error: unknown): boolean {
	if (!(error instanceof NodeApiError) || String(error.httpCode) !== '404') return false;
	const body = (error.errorResponse as { body?: unknown } | undefined)?.body;
	if (body === null || typeof body !== 'object' || Array.isArray(body)) return false;
	const { statusCode, message } = body as IDataObject;
	return Number(statusCode) === 404 && typeof message === 'string' && /^resource not found\.?$/i.test(message.trim());
}

/**
 * The gateway's 404 told which field corrects the address (any other error unchanged): the message
 * says the address is wrong, the description how to correct it.
 */
export function asWrongAddress(error: unknown, field: string, advice: string): unknown {
	if (isGatewayNotFound(error)) {
		const apiError = error as NodeApiError;
		apiError.message = `Infinigate serves nothing at this address (the gateway's "Resource not found"): check ${field}`;
		apiError.description = [advice, apiError.description].filter(Boolean).join(' ');
	}
	return error;
}

/** Where the credential's address is corrected, for the paths that are documented. */
export const CREDENTIAL_ADDRESS = 'the Environment and Base URL of the Infinigate API credential';

/**
 * A call to a documented path (the guide's or public code's): the gateway's 404 there means the
 * whole API address is wrong, so the error names the credential's Environment and Base URL.
 */
export async function onDocumentedPath<T>(call: Promise<T>): Promise<T> {
	try {
		return await call;
	} catch (error) {
		throw asWrongApiAddress(error);
	}
}

/** The gateway's 404 on a documented path, told to correct the credential's address; any other error unchanged. */
export function asWrongApiAddress(error: unknown): unknown {
	return asWrongAddress(
		error,
		CREDENTIAL_ADDRESS,
		'This path is documented by Infinigate, so the address of the whole API is wrong: check the Environment and Base URL of the Infinigate API credential.',
	);
}

/** A JSON object, as every Get answers; anything else (no content, a number, text, a list) fails the item. */
export async function objectAnswer(ctx: RequestContext, itemIndex: number, body: unknown, what: string): Promise<IDataObject> {
	if (body !== null && typeof body === 'object' && !Array.isArray(body)) return body as IDataObject;
	throw await unreadable(ctx, itemIndex, body, what, 'a JSON object');
}

/** A page of a list: a bare list of objects or a known envelope of one; anything else fails the item. */
export async function listAnswer(
	ctx: RequestContext,
	itemIndex: number,
	body: unknown,
	what: string,
): Promise<{ items: IDataObject[]; count?: number }> {
	const page = readListPage(body);
	if (page !== undefined) return page;
	throw await unreadable(ctx, itemIndex, body, what, LIST_SHAPE);
}
