/**
 * The Infinigate node's one door to the network, on top of the shared request layer: the service
 * definition (base URL, secrets, token renewal, error wording) and Take/Skip paging.
 */
import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, ILoadOptionsFunctions } from 'n8n-workflow';

import { infinigateBaseUrl } from '../../credentials/common/infinigate';
import { describeInfinigateFailure } from '../../credentials/common/infinigateFailures';
import { TOKEN_FIELDS } from '../../credentials/common/token';
import { collectPages } from '../shared/paging';
import type { RequestContext, ServiceDefinition } from '../shared/request';
import { answerError, serviceRequest } from '../shared/request';
import type { RequestOptions } from '../shared/transport';
import { readListPage } from './guesses';

export const infinigateService: ServiceDefinition = {
	serviceName: 'Infinigate',
	credentialType: 'infinigateApi',
	baseUrl: infinigateBaseUrl,
	secrets: (credentials) => [String(credentials.apiKey ?? ''), String(credentials.clientSecret ?? '')],
	token: TOKEN_FIELDS,
	describeFailure: describeInfinigateFailure,
};

export async function apiRequest<T = unknown>(
	ctx: RequestContext | ILoadOptionsFunctions,
	method: IHttpRequestMethods,
	path: string,
	options: RequestOptions,
	itemIndex: number,
): Promise<T> {
	// The editor's list searches call the same door: their context has every helper the door uses
	// (credentials, the node, authenticated requests), only not the per-item ones.
	const response = await serviceRequest<T>(ctx as IExecuteFunctions, infinigateService, { ...options, method, path }, itemIndex);
	return response.body;
}

/** What a list answer must look like, for messages. */
export const LIST_SHAPE = 'a list of objects, or {result: [...]}';

/**
 * An answer the node cannot read, as the error that fails the item: it says what came and what was
 * expected, and that nothing was output. Never an empty list, never a number or text as an item.
 */
export async function unreadableAnswerError(
	ctx: RequestContext,
	itemIndex: number,
	body: unknown,
	what: string,
	expected: string,
): Promise<Error> {
	return await answerError(ctx, infinigateService, itemIndex, {
		message: `Infinigate answered ${what} with ${body === undefined ? 'no content' : 'something the node cannot read'}`,
		description: (quote) =>
			`Expected ${expected}; the answer was ${body === undefined ? 'empty' : quote(body, 200)}. Nothing was output for this item. If Infinigate answers this way every time, please report it, so that the node learns this shape.`,
	});
}

export interface PagedListOptions {
	returnAll: boolean;
	limit: number;
	pageSize: number;
	/** How many entries match, when known beforehand (the price list's count endpoint). */
	knownTotal?: number;
}

/**
 * Return All / Limit over a Take/Skip list. A page shorter than asked normally means the end. But a
 * service that caps Take below our page size also answers short pages; when the service has said how
 * many entries match (count endpoint, or `count` in the list envelope) and we have fewer, we keep
 * asking from where the short page ended instead of silently losing the rest.
 */
export async function apiRequestAllItems(
	ctx: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	options: RequestOptions,
	paging: PagedListOptions,
	itemIndex: number,
): Promise<IDataObject[]> {
	return await collectPages<IDataObject>(
		async ({ offset, size }) => {
			const items: IDataObject[] = [];
			let reportedTotal: number | undefined;
			while (items.length < size) {
				const want = size - items.length;
				const qs = { ...options.qs, Take: want, Skip: offset + items.length };
				const body = await apiRequest(ctx, method, path, { ...options, qs }, itemIndex);
				const page = readListPage(body);
				if (page === undefined) throw await unreadableAnswerError(ctx, itemIndex, body, `the list ${path}`, LIST_SHAPE);
				items.push(...page.items);
				reportedTotal = page.count ?? reportedTotal;
				if (page.items.length === 0 || page.items.length >= want) break;
				const total = paging.knownTotal ?? reportedTotal;
				if (total === undefined || offset + items.length >= total) break;
			}
			// Only a total from the count endpoint may end paging early: the envelope's `count` might
			// be the size of the page, not of the whole list.
			return { items, total: paging.knownTotal };
		},
		{ returnAll: paging.returnAll, limit: paging.limit, maxPageSize: paging.pageSize },
	);
}
