/** The Loop node's one door to the network, built on the shared request helper. */
import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, ILoadOptionsFunctions } from 'n8n-workflow';

import { CREDENTIAL_ADDRESS_FIELD, gatewayService } from '../shared/collabor8GatewayService';
import type { AddressedRequestOptions } from '../shared/path';
import { addressedCall } from '../shared/path';
import { jsonOutput } from '../shared/items';
import { collectPages } from '../shared/paging';
import type { RequestContext } from '../shared/request';
import { answerError, serviceRequest } from '../shared/request';
import { LOOP_API_ROOT } from './endpoints';
import { MAX_PAGE_SIZE, TOTAL_FIELDS } from './guesses';

export const loopService = gatewayService({
	product: 'Loop',
	credentialType: 'collabor8LoopApi',
	apiRoot: LOOP_API_ROOT,
	notFoundHint:
		"Check the ID. If Loop answers \"not found\" for sales or items that exist, set the address from your Loop API documentation in the operation's API Overrides (its Options before version 1.2; its default is unconfirmed).",
});

/**
 * The door needs a node, the credential and n8n's authenticated request, which a list search in the
 * editor has as well as an execution.
 */
export type LoopContext = RequestContext | ILoadOptionsFunctions;

export async function apiRequest<T = unknown>(
	ctx: LoopContext,
	method: IHttpRequestMethods,
	path: string,
	options: AddressedRequestOptions,
	itemIndex: number,
): Promise<T> {
	const call = addressedCall(loopService, CREDENTIAL_ADDRESS_FIELD, { ...options, method, path });
	const response = await serviceRequest<T>(ctx as IExecuteFunctions, call.service, call.request, itemIndex);
	return response.body;
}

/** The entries of a paged list, and the fields beside `data` of its last page (its totals, when asked for). */
export interface PagedAnswer {
	items: IDataObject[];
	envelope?: IDataObject;
}

/** How the sales list is paged: the guesses, or what the user set in Options. */
export interface PagingGuesses {
	pageSize: number;
	totalFields: string[];
}

export const PAGING_GUESSES: PagingGuesses = { pageSize: MAX_PAGE_SIZE, totalFields: TOTAL_FIELDS };

function totalOf(envelope: IDataObject, fields: string[]): number | undefined {
	for (const field of fields) {
		const raw = envelope[field];
		const value = Number(raw);
		if (typeof raw === 'number' || (typeof raw === 'string' && raw.trim() !== '')) {
			if (Number.isSafeInteger(value) && value >= 0) return value;
		}
	}
	return undefined;
}

/**
 * Return All / Limit over a list paged by `page` and `limit`, answered as `{"data": [...], …}`. A page
 * whose `data` is not a list (`{}`, `{"message": …}`, `{"data": "maintenance"}`) is an error, never
 * "no sales": the trigger would remember an empty list and deliver every sale again afterwards.
 */
export async function apiRequestAllItems(
	ctx: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	options: AddressedRequestOptions,
	paging: { returnAll: boolean; limit: number },
	itemIndex: number,
	guesses: PagingGuesses = PAGING_GUESSES,
): Promise<PagedAnswer> {
	// Page numbers only line up when every page has the same size, so the size is fixed up front.
	const pageSize = paging.returnAll ? guesses.pageSize : Math.max(1, Math.min(paging.limit, guesses.pageSize));
	let envelope: IDataObject | undefined;
	const items = await collectPages<IDataObject>(
		async ({ pageIndex }) => {
			const qs = { page: pageIndex + 1, limit: pageSize, ...options.qs };
			const answer = jsonOutput(await apiRequest(ctx, method, path, { ...options, qs }, itemIndex));
			if (Array.isArray(answer)) return { items: answer };
			const { data, ...rest } = answer;
			if (!Array.isArray(data)) {
				throw await answerError(ctx, loopService, itemIndex, {
					message: `Loop: page ${pageIndex + 1} of ${path} has no "data" list`,
					description: (quote) => `The answer was: ${quote(answer, 300)}. The guide's list answers {"data": [...]}.`,
				});
			}
			envelope = rest;
			return { items: data as IDataObject[], total: totalOf(rest, guesses.totalFields) };
		},
		{ returnAll: paging.returnAll, limit: paging.limit, maxPageSize: pageSize },
	);
	return { items, envelope };
}
