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

import {
	CREDENTIAL_TEST_LEGACY_ID,
	EQHUB_API_ROOT,
	EQHUB_TOKEN_PATH,
	LEGACY_PRODUCT_PATH,
	TOKEN_GRANT_TYPE,
} from './common/collabor8EqHub';
import { clientFields, environmentField, fetchGatewayToken, GATEWAY_ROOT_EXPRESSION } from './common/collabor8Gateway';
import { tokenCredentialFields } from './common/token';

/**
 * Collabor8 EqHub API: a client-credentials token from the Collabor8 gateway, sent as a bearer
 * token. The token is stored in the credential (hidden, expirable field), so every item and every
 * execution reuses it; the node renews it just before it expires, and n8n renews it after a 401
 * (which is how the HTTP Request node keeps working with this credential).
 */
export class Collabor8EqHubApi implements ICredentialType {
	name = 'collabor8EqHubApi';

	displayName = 'Collabor8 EqHub API';

	icon: Icon = {
		light: 'file:../nodes/Collabor8EqHub/collabor8EqHub.svg',
		dark: 'file:../nodes/Collabor8EqHub/collabor8EqHub.dark.svg',
	};

	documentationUrl = 'https://github.com/OWNER/n8n-nodes-b2b-provisioning/blob/main/docs/collabor8-eqhub.md#the-credential-collabor8-eqhub-api';

	properties: INodeProperties[] = [
		environmentField,
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://apis-test-vi.collabor8.no',
			required: true,
			description: `The gateway root: the token is fetched from {Base URL}${EQHUB_TOKEN_PATH}`,
			displayOptions: { show: { environment: ['custom'] } },
		},
		...clientFields('EqHub'),
		...tokenCredentialFields,
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		return await fetchGatewayToken(this, credentials, { name: 'Collabor8 EqHub', tokenPath: EQHUB_TOKEN_PATH, grantType: TOKEN_GRANT_TYPE });
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { Authorization: '=Bearer {{$credentials.accessToken}}' },
		},
	};

	// See CREDENTIAL_TEST_LEGACY_ID: "not found" is a pass, a refused token is not.
	test: ICredentialTestRequest = {
		request: {
			baseURL: GATEWAY_ROOT_EXPRESSION,
			url: `${EQHUB_API_ROOT}${LEGACY_PRODUCT_PATH.replace('{id}', CREDENTIAL_TEST_LEGACY_ID)}`,
			method: 'GET',
			ignoreHttpStatusErrors: { ignore: true, except: [401, 403] },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'EqHub refused the access token: check that this account has access to the EqHub API in this environment',
				},
			},
			{
				type: 'responseCode',
				properties: { value: 403, message: 'EqHub denied access: this account may not use the EqHub API' },
			},
		],
	};
}
