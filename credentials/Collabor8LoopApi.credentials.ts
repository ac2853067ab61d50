import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { clientFields, environmentField, fetchGatewayToken, GATEWAY_ROOT_EXPRESSION } from './common/collabor8Gateway';
import { LOOP_API_ROOT, LOOP_TOKEN_PATH, SALES_PATH } from './common/collabor8Loop';
import { tokenCredentialFields } from './common/token';

/**
 * Collabor8 Loop API: a client-credentials token from the Collabor8 gateway (form body, answered
 * with 201), sent as a bearer token. The token is stored in the credential (hidden, expirable
 * field), so every item and every execution reuses it; the node renews it just before it expires,
 * and n8n renews it after a 401 (which is how the HTTP Request node keeps working).
 */
export class Collabor8LoopApi implements ICredentialType {
	name = 'collabor8LoopApi';

	displayName = 'Collabor8 Loop API';

	icon: Icon = {
		light: 'file:../nodes/Collabor8Loop/collabor8Loop.svg',
		dark: 'file:../nodes/Collabor8Loop/collabor8Loop.dark.svg',
	};

	documentationUrl = 'https://github.com/OWNER/n8n-nodes-b2b-provisioning/blob/main/docs/collabor8-loop.md#the-credential-collabor8-loop-api';

	properties: INodeProperties[] = [
		environmentField,
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://apis-test-vi.collabor8.no',
			required: true,
			description: `The gateway root: the token is fetched from {Base URL}${LOOP_TOKEN_PATH}`,
			displayOptions: { show: { environment: ['custom'] } },
		},
		...clientFields('Loop'),
		...tokenCredentialFields,
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		return await fetchGatewayToken(this, credentials, { name: 'Collabor8 Loop', tokenPath: LOOP_TOKEN_PATH, grantType: 'client_credentials' });
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { Authorization: '=Bearer {{$credentials.accessToken}}' },
		},
	};

	// The guide's own first call, one sale long: it reads and changes nothing.
	test: ICredentialTestRequest = {
		request: {
			baseURL: GATEWAY_ROOT_EXPRESSION,
			url: `${LOOP_API_ROOT}${SALES_PATH}`,
			method: 'GET',
			qs: { page: 1, limit: 1 },
		},
	};
}
