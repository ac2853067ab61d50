/** The Loop node's one door to the network, built on the shared request helper. */
import type { ICredentialDataDecryptedObject, IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { describeCollabor8Failure } from '../shared/collabor8/failures';
import { gatewayUrl } from '../shared/collabor8/gateway';
import { jsonOutput } from '../shared/items';
import type { ServiceDefinition, ServiceRequest } from '../shared/request';
import { messageFromBody, serviceRequest } from '../shared/request';
import { TOKEN_FIELDS } from '../shared/token';
import { LOOP_API_ROOT } from './endpoints';

export const loopService: ServiceDefinition = {
	serviceName: 'Collabor8 Loop',
	credentialType: 'collabor8LoopApi',
	baseUrl: (credentials) => gatewayUrl(credentials, LOOP_API_ROOT),
	secrets: (credentials: ICredentialDataDecryptedObject) => [String(credentials.clientSecret ?? '')],
	token: TOKEN_FIELDS,
	describeFailure(status, body) {
		if (status === 404) {
			return {
				message: `Not found${messageFromBody(body) ? ` (${messageFromBody(body)})` : ''}`,
				description: 'Check the ID. Paths other than the sales list are best guesses (see the README).',
			};
		}
		return describeCollabor8Failure('Loop', status, body);
	},
};

export async function loopRequest(
	ctx: IExecuteFunctions,
	request: ServiceRequest,
	itemIndex: number,
): Promise<IDataObject | IDataObject[]> {
	const response = await serviceRequest<unknown>(ctx, loopService, request, itemIndex);
	return jsonOutput(response.body);
}
