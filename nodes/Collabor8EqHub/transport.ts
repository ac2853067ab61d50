/** The EqHub node's one door to the network, built on the shared request helper. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { gatewayService } from '../shared/collabor8/gateway';
import { jsonOutput } from '../shared/items';
import type { ServiceResponse } from '../shared/request';
import { serviceRequest } from '../shared/request';
import { EQHUB_API_ROOT } from './endpoints';

export const eqhubService = gatewayService({
	product: 'EqHub',
	credentialType: 'collabor8EqHubApi',
	apiRoot: EQHUB_API_ROOT,
	notFoundHint: 'Check the ID, and that the credential points at the environment (test or production) that holds it.',
});

export async function eqhubGetJson(
	ctx: IExecuteFunctions,
	path: string,
	pathParams: Record<string, string>,
	itemIndex: number,
): Promise<IDataObject | IDataObject[]> {
	const response = await serviceRequest<unknown>(ctx, eqhubService, { method: 'GET', path, pathParams }, itemIndex);
	return jsonOutput(response.body);
}

export async function eqhubGetFile(
	ctx: IExecuteFunctions,
	path: string,
	pathParams: Record<string, string>,
	itemIndex: number,
): Promise<ServiceResponse<Buffer>> {
	return await serviceRequest<Buffer>(
		ctx,
		eqhubService,
		{ method: 'GET', path, pathParams, expect: 'binary', headers: { Accept: 'image/*, application/octet-stream;q=0.9, */*;q=0.8' } },
		itemIndex,
	);
}
