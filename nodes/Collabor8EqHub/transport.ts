/** The EqHub node's one door to the network, built on the shared request helper. */
import type { IExecuteFunctions, IHttpRequestMethods } from 'n8n-workflow';

import { CREDENTIAL_ADDRESS_FIELD, gatewayService } from '../shared/collabor8GatewayService';
import type { AddressedRequestOptions } from '../shared/path';
import { addressedCall } from '../shared/path';
import type { ServiceResponse } from '../shared/request';
import { serviceRequest } from '../shared/request';
import { EQHUB_API_ROOT } from './endpoints';

export const eqhubService = gatewayService({
	product: 'EqHub',
	credentialType: 'collabor8EqHubApi',
	apiRoot: EQHUB_API_ROOT,
	notFoundHint:
		"Check the ID, and that the credential points at the environment (test or production) that holds it. If EqHub answers \"not found\" for products that exist, set the address from your EqHub API documentation in the operation's API Overrides → Product Details Address (Options → Product Details Address before version 1.2).",
});

export async function apiRequest<T = unknown>(
	ctx: IExecuteFunctions,
	method: IHttpRequestMethods,
	path: string,
	options: AddressedRequestOptions,
	itemIndex: number,
): Promise<T> {
	const call = addressedCall(eqhubService, CREDENTIAL_ADDRESS_FIELD, { ...options, method, path });
	const response = await serviceRequest<T>(ctx, call.service, call.request, itemIndex);
	return response.body;
}

/** A file: its bytes, with the headers that name and type it. */
export async function apiDownload(
	ctx: IExecuteFunctions,
	method: IHttpRequestMethods,
	path: string,
	options: AddressedRequestOptions,
	itemIndex: number,
): Promise<ServiceResponse<Buffer>> {
	const call = addressedCall(eqhubService, CREDENTIAL_ADDRESS_FIELD, { ...options, method, path, expect: 'binary' });
	return await serviceRequest<Buffer>(ctx, call.service, call.request, itemIndex);
}
