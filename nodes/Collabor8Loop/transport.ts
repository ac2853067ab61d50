/** The Loop node's one door to the network, built on the shared request helper. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { gatewayService } from '../shared/collabor8/gateway';
import { jsonOutput } from '../shared/items';
import type { ServiceRequest } from '../shared/request';
import { serviceRequest } from '../shared/request';
import { LOOP_API_ROOT } from './endpoints';

export const loopService = gatewayService({
	product: 'Loop',
	credentialType: 'collabor8LoopApi',
	apiRoot: LOOP_API_ROOT,
	notFoundHint: 'Check the ID. Paths other than the sales list are best guesses (see the README).',
});

export async function loopRequest(
	ctx: IExecuteFunctions,
	request: ServiceRequest,
	itemIndex: number,
): Promise<IDataObject | IDataObject[]> {
	const response = await serviceRequest<unknown>(ctx, loopService, request, itemIndex);
	return jsonOutput(response.body);
}
