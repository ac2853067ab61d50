/** The EqHub node's one door to the network, built on the shared request helper. */
import type { IExecuteFunctions, IHttpRequestMethods } from 'n8n-workflow';

import { gatewayService } from '../shared/collabor8GatewayService';
import type { ServiceResponse } from '../shared/request';
import { serviceRequest } from '../shared/request';
import type { RequestOptions } from '../shared/transport';
import { EQHUB_API_ROOT } from './endpoints';

export const eqhubService = gatewayService({
	product: 'EqHub',
	credentialType: 'collabor8EqHubApi',
	apiRoot: EQHUB_API_ROOT,
	notFoundHint:
		"Check the ID, and that the credential points at the environment (test or production) that holds it. If EqHub answers \"not found\" for products that exist, set the address from your EqHub API documentation in the operation's Options → Product Details Address (its default is unconfirmed).",
});

export async function apiRequest<T = unknown>(
	ctx: IExecuteFunctions,
	method: IHttpRequestMethods,
	path: string,
	options: RequestOptions,
	itemIndex: number,
): Promise<T> {
	const response = await serviceRequest<T>(ctx, eqhubService, { ...options, method, path }, itemIndex);
	return response.body;
}

/** A file: its bytes, with the headers that name and type it. */
export async function apiDownload(
	ctx: IExecuteFunctions,
	method: IHttpRequestMethods,
	path: string,
	options: RequestOptions,
	itemIndex: number,
): Promise<ServiceResponse<Buffer>> {
	return await serviceRequest<Buffer>(ctx, eqhubService, { ...options, method, path, expect: 'binary' }, itemIndex);
}
