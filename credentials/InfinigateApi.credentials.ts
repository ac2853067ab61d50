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
	BASE_URL_EXPRESSION,
	CREDENTIAL_TEST_SEARCH_TERM,
	infinigateBaseUrl,
	PRICE_LIST_COUNT_PATH,
	ACCESS_GRANT_PATH,
} from './common/infinigate';
import { explainTokenFailure } from './common/infinigateFailures';
import { fetchClientCredentialsToken, tokenCredentialFields } from './common/token';

/**
 * Infinigate Reseller API: a PortalKey sent as `API-KEY` on every call, plus a bearer token from a
 * client-credentials exchange that lives 5 minutes. The token is stored in the credential (hidden,
 * expirable field) so that every item and every execution reuses it; the node renews it just before
 * it expires, and n8n renews it after a 401 (which is how the HTTP Request node keeps working).
 */
export class InfinigateApi implements ICredentialType {
	name = 'infinigateApi';

	displayName = 'Infinigate API';

	icon: Icon = { light: 'file:../nodes/Infinigate/infinigate.svg', dark: 'file:../nodes/Infinigate/infinigate.dark.svg' };

	documentationUrl = 'https://github.com/OWNER/n8n-nodes-b2b-provisioning/blob/main/docs/infinigate.md#the-credential-infinigate-api';

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			default: 'production',
			options: [
				{ name: 'Production', value: 'production', description: 'https://api.infinigate.com' },
				{ name: 'Test', value: 'test', description: 'https://infapi-test.azure-api.net' },
				{ name: 'Custom', value: 'custom', description: 'Another base URL, e.g. a proxy or the local sandbox' },
			],
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://api.infinigate.com',
			required: true,
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'API Key',
			hint: 'Called PortalKey in the Infinigate portal',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The PortalKey from the Infinigate portal. It is sent as the API-KEY header on every call.',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'The client ID Infinigate sent with your API account',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The client secret (password) Infinigate sent with your API account',
		},
		...tokenCredentialFields,
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		const url = `${infinigateBaseUrl(credentials)}${ACCESS_GRANT_PATH}`;
		const apiKey = String(credentials.apiKey ?? '');
		const clientSecret = String(credentials.clientSecret ?? '');
		return await fetchClientCredentialsToken(this, {
			url,
			headers: { 'API-KEY': apiKey },
			form: {
				client_id: String(credentials.clientId ?? ''),
				client_secret: clientSecret,
				grant_type: 'client_credentials',
			},
			secrets: [apiKey, clientSecret],
			explainFailure: (status, body) => explainTokenFailure(url, status, body),
		});
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.accessToken}}',
				'API-KEY': '={{$credentials.apiKey}}',
			},
		},
	};

	// A count is the cheapest authenticated call: one number.
	test: ICredentialTestRequest = {
		request: {
			baseURL: BASE_URL_EXPRESSION,
			url: PRICE_LIST_COUNT_PATH.replace('{term}', CREDENTIAL_TEST_SEARCH_TERM),
			method: 'GET',
		},
	};
}
