/**
 * The Infinigate node's one door to the network, on top of the shared request layer: the service
 * definition (base URL, secrets, token renewal, error wording) and Take/Skip paging.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { collectPages } from '../shared/paging';
import type { ServiceDefinition, ServiceRequest } from '../shared/request';
import { serviceRequest } from '../shared/request';
import { TOKEN_FIELDS } from '../shared/token';
import { infinigateBaseUrl } from './environments';
import { describeInfinigateFailure } from './errors';
import { readListPage } from './guesses';

export const INFINIGATE_SERVICE: ServiceDefinition = {
	serviceName: 'Infinigate',
	credentialType: 'infinigateApi',
	baseUrl: infinigateBaseUrl,
	secrets: (credentials) => [String(credentials.apiKey ?? ''), String(credentials.clientSecret ?? '')],
	token: TOKEN_FIELDS,
	describeFailure: describeInfinigateFailure,
};

export async function infinigateRequest<T = unknown>(
	ctx: IExecuteFunctions,
	request: ServiceRequest,
	itemIndex: number,
): Promise<T> {
	return (await serviceRequest<T>(ctx, INFINIGATE_SERVICE, request, itemIndex)).body;
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
export async function getPagedList(
	ctx: IExecuteFunctions,
	itemIndex: number,
	request: ServiceRequest,
	options: PagedListOptions,
): Promise<IDataObject[]> {
	return await collectPages<IDataObject>(
		async ({ offset, size }) => {
			const items: IDataObject[] = [];
			let reportedTotal: number | undefined;
			while (items.length < size) {
				const want = size - items.length;
				const body = await infinigateRequest(
					ctx,
					{ ...request, qs: { ...request.qs, Take: want, Skip: offset + items.length } },
					itemIndex,
				);
				const page = readListPage(body);
				items.push(...page.items);
				reportedTotal = page.count ?? reportedTotal;
				if (page.items.length === 0 || page.items.length >= want) break;
				const total = options.knownTotal ?? reportedTotal;
				if (total === undefined || offset + items.length >= total) break;
			}
			// Only a total from the count endpoint may end paging early: the envelope's `count` might
			// be the size of the page, not of the whole list.
			return { items, total: options.knownTotal };
		},
		{ returnAll: options.returnAll, limit: options.limit, maxPageSize: options.pageSize },
	);
}
