/** The EqHub node's one door to the network, built on the shared request helper. */
import type { ICredentialDataDecryptedObject, IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { describeCollabor8Failure } from '../shared/collabor8/failures';
import { gatewayUrl } from '../shared/collabor8/gateway';
import { jsonOutput } from '../shared/items';
import type { ServiceDefinition, ServiceResponse } from '../shared/request';
import { messageFromBody, serviceRequest } from '../shared/request';
import { TOKEN_FIELDS } from '../shared/token';
import { EQHUB_API_ROOT } from './endpoints';

export const eqhubService: ServiceDefinition = {
	serviceName: 'Collabor8 EqHub',
	credentialType: 'collabor8EqHubApi',
	baseUrl: (credentials) => gatewayUrl(credentials, EQHUB_API_ROOT),
	secrets: (credentials: ICredentialDataDecryptedObject) => [String(credentials.clientSecret ?? '')],
	token: TOKEN_FIELDS,
	describeFailure(status, body) {
		if (status === 404) {
			return {
				message: `Not found${messageFromBody(body) ? ` (${messageFromBody(body)})` : ''}`,
				description: 'Check the ID, and that the credential points at the environment (test or production) that holds it.',
			};
		}
		return describeCollabor8Failure('EqHub', status, body);
	},
};

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
		{ method: 'GET', path, pathParams, binary: true, headers: { Accept: 'image/*, application/octet-stream;q=0.9, */*;q=0.8' } },
		itemIndex,
	);
}
