/** How the EqHub and Loop nodes reach their API behind the Collabor8 gateway. */
import { describeCollabor8Failure } from '../../credentials/common/collabor8Failures';
import { gatewayUrl } from '../../credentials/common/collabor8Gateway';
import { messageFromBody } from '../../credentials/common/failures';
import { TOKEN_FIELDS } from '../../credentials/common/token';
import type { ServiceDefinition } from './request';

/**
 * How a node reaches an API behind the gateway (EqHub, Loop): the API root below the gateway, the
 * credential's token, and Collabor8's refusals explained; `notFoundHint` tells the user what a 404
 * most likely means for this API.
 */
export function gatewayService(api: {
	product: string;
	credentialType: string;
	apiRoot: string;
	notFoundHint: string;
}): ServiceDefinition {
	return {
		serviceName: `Collabor8 ${api.product}`,
		credentialType: api.credentialType,
		baseUrl: (credentials) => gatewayUrl(credentials, api.apiRoot),
		secrets: (credentials) => [String(credentials.clientSecret ?? '')],
		token: TOKEN_FIELDS,
		describeFailure(status, body) {
			if (status === 404) {
				const said = messageFromBody(body);
				return { message: `Not found${said ? ` (${said})` : ''}`, description: api.notFoundHint };
			}
			return describeCollabor8Failure(api.product, status, body);
		},
	};
}
