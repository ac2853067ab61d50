/** The Loop node's one door to the network, built on the shared request helper. */
import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { gatewayService } from '../shared/collabor8GatewayService';
import { jsonOutput } from '../shared/items';
import { collectPages } from '../shared/paging';
import type { RequestContext } from '../shared/request';
import { serviceRequest } from '../shared/request';
import type { RequestOptions } from '../shared/transport';
import { LOOP_API_ROOT } from './endpoints';
import { MAX_PAGE_SIZE, TOTAL_FIELDS } from './guesses';

export const loopService = gatewayService({
	product: 'Loop',
	credentialType: 'collabor8LoopApi',
	apiRoot: LOOP_API_ROOT,
	notFoundHint: 'Check the ID. Paths other than the sales list are best guesses (see the README).',
});

export async function apiRequest<T = unknown>(
	ctx: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	options: RequestOptions,
	itemIndex: number,
): Promise<T> {
	const response = await serviceRequest<T>(ctx, loopService, { ...options, method, path }, itemIndex);
	return response.body;
}

/** The entries of a paged list, and the fields beside `data` of its last page (its totals, when asked for). */
export interface PagedAnswer {
	items: IDataObject[];
	envelope?: IDataObject;
}

function totalOf(envelope: IDataObject): number | undefined {
	for (const field of TOTAL_FIELDS) {
		const value = Number(envelope[field]);
		if (envelope[field] !== undefined && envelope[field] !== null && Number.isFinite(value)) return value;
	}
	return undefined;
}

/** Return All / Limit over a list paged by `page` and `limit`, answered as `{"data": [...], …}`. */
export async function apiRequestAllItems(
	ctx: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	options: RequestOptions,
	paging: { returnAll: boolean; limit: number },
	itemIndex: number,
): Promise<PagedAnswer> {
	// Page numbers only line up when every page has the same size, so the size is fixed up front.
	const pageSize = paging.returnAll ? MAX_PAGE_SIZE : Math.max(1, Math.min(paging.limit, MAX_PAGE_SIZE));
	let envelope: IDataObject | undefined;
	const items = await collectPages<IDataObject>(
		async ({ pageIndex }) => {
			const qs = { page: pageIndex + 1, limit: pageSize, ...options.qs };
			const answer = jsonOutput(await apiRequest(ctx, method, path, { ...options, qs }, itemIndex));
			if (Array.isArray(answer)) return { items: answer };
			const { data, ...rest } = answer;
			envelope = rest;
			return { items: (Array.isArray(data) ? data : []) as IDataObject[], total: totalOf(rest) };
		},
		{ returnAll: paging.returnAll, limit: paging.limit, maxPageSize: pageSize },
	);
	return { items, envelope };
}
