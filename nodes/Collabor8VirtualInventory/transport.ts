/** The Virtual Inventory node's one door to the network, built on the shared request helper. */
import type { ICredentialDataDecryptedObject, IHttpRequestMethods } from 'n8n-workflow';

import { describeCollabor8Failure } from '../../credentials/common/collabor8Failures';
import { apiBaseUrl } from '../../credentials/common/collabor8VirtualInventory';
import { TOKEN_FIELDS } from '../../credentials/common/token';
import type { RequestContext, ServiceDefinition } from '../shared/request';
import type { AddressedRequestOptions } from '../shared/path';
import { addressedCall } from '../shared/path';
import { serviceRequest } from '../shared/request';

/** Corrects every Virtual Inventory address: the part between the gateway and /v1/m2m/… is a guess. */
const API_PATH_FIELD =
	'API Path of the Collabor8 Virtual Inventory API credential (Test and Production: switch on Override API Addresses there to show it; its default is a guess), or its Base URL (Custom)';

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
				'Virtual Inventory has nothing at this address. Check API Path in the credential (Test and Production: switch on Override API Addresses to show it; its default is unconfirmed), or Base URL for Custom, against your Virtual Inventory API documentation.',
		};
	},
};

export async function apiRequest<T = unknown>(
	ctx: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	options: AddressedRequestOptions,
	itemIndex: number,
): Promise<T> {
	const call = addressedCall(virtualInventoryService, API_PATH_FIELD, { ...options, method, path });
	const response = await serviceRequest<T>(ctx, call.service, call.request, itemIndex);
	return response.body;
}
