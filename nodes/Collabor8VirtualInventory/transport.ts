/** The Virtual Inventory node's one door to the network, built on the shared request helper. */
import type { ICredentialDataDecryptedObject, IHttpRequestMethods } from 'n8n-workflow';

import { describeCollabor8Failure } from '../../credentials/common/collabor8Failures';
import { apiBaseUrl } from '../../credentials/common/collabor8VirtualInventory';
import { TOKEN_FIELDS } from '../../credentials/common/token';
import type { RequestContext, ServiceDefinition } from '../shared/request';
import { serviceRequest } from '../shared/request';
import type { RequestOptions } from '../shared/transport';

export const virtualInventoryService: ServiceDefinition = {
	serviceName: 'Collabor8 Virtual Inventory',
	credentialType: 'collabor8VirtualInventoryApi',
	baseUrl: apiBaseUrl,
	secrets: (credentials: ICredentialDataDecryptedObject) => [String(credentials.clientSecret ?? '')],
	token: TOKEN_FIELDS,
	describeFailure(status, body) {
		const failure = describeCollabor8Failure('Virtual Inventory', status, body);
		if (status !== 404) return failure;
		return {
			message: failure?.message ? `Not found (${failure.message})` : 'Not found',
			description:
				'Virtual Inventory has nothing at this address. Check API Path in the credential (Test and Production; its default is unconfirmed), or Base URL for Custom, against your Virtual Inventory API documentation.',
		};
	},
};

export async function apiRequest<T = unknown>(
	ctx: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	options: RequestOptions,
	itemIndex: number,
): Promise<T> {
	const response = await serviceRequest<T>(ctx, virtualInventoryService, { ...options, method, path }, itemIndex);
	return response.body;
}
