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

import { overrideSwitch, SHOWN_WHEN_OVERRIDING } from './common/apiAddressOverrides';
import { explainTokenFailure } from './common/collabor8Failures';
import { clientFields, environmentField } from './common/collabor8Gateway';
import {
	API_BASE_EXPRESSION,
	DEFAULT_API_PATH,
	ENTRA_SCOPES,
	ENTRA_TOKEN_URL,
	IMPORT_STATUS_PATH,
	tokenScope,
	tokenUrl,
} from './common/collabor8VirtualInventory';
import { fetchClientCredentialsToken, tokenCredentialFields } from './common/token';

/**
 * Collabor8 Virtual Inventory API: a Microsoft Entra ID (Azure AD) client-credentials token for
 * the scope of the chosen environment, sent as a bearer token to the Collabor8 gateway. The token
 * is stored in the credential (hidden, expirable field), so every item and every execution reuses
 * it; the node renews it just before it expires, and n8n renews it after a 401.
 */
export class Collabor8VirtualInventoryApi implements ICredentialType {
	name = 'collabor8VirtualInventoryApi';

	displayName = 'Collabor8 Virtual Inventory API';

	icon: Icon = {
		light: 'file:../nodes/Collabor8VirtualInventory/collabor8VirtualInventory.svg',
		dark: 'file:../nodes/Collabor8VirtualInventory/collabor8VirtualInventory.dark.svg',
	};

	documentationUrl = 'https://github.com/OWNER/n8n-nodes-b2b-provisioning/blob/main/docs/collabor8-virtual-inventory.md#the-credential-collabor8-virtual-inventory-api';

	properties: INodeProperties[] = [
		environmentField,
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: `e.g. https://apis-test-vi.collabor8.no${DEFAULT_API_PATH}`,
			required: true,
			description: 'The API base in front of /v1/m2m/…',
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'Token URL',
			name: 'tokenUrl',
			type: 'string',
			default: ENTRA_TOKEN_URL,
			required: true,
			description: 'The Microsoft Entra ID token endpoint of the Virtual Inventory directory',
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: ENTRA_SCOPES.test,
			required: true,
			description: `The scope of the API application: ${ENTRA_SCOPES.test} (test) or ${ENTRA_SCOPES.production} (production)`,
			displayOptions: { show: { environment: ['custom'] } },
		},
		...clientFields('Virtual Inventory'),
		// Custom has no guess to override: its Base URL holds the whole API address.
		overrideSwitch('the Virtual Inventory guide', { environment: ['test', 'production'] }),
		{
			displayName: 'API Path',
			name: 'apiPath',
			type: 'string',
			default: DEFAULT_API_PATH,
			description:
				'The part of the API address between the gateway and /v1/m2m/…, as your Virtual Inventory API documentation shows it (the guide writes it as "...")',
			displayOptions: { show: { environment: ['test', 'production'], ...SHOWN_WHEN_OVERRIDING } },
		},
		...tokenCredentialFields,
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		const url = tokenUrl(credentials);
		const clientSecret = String(credentials.clientSecret ?? '');
		return await fetchClientCredentialsToken(this, {
			url,
			form: {
				grant_type: 'client_credentials',
				client_id: String(credentials.clientId ?? ''),
				client_secret: clientSecret,
				scope: tokenScope(credentials),
			},
			secrets: [clientSecret],
			explainFailure: (status, body) => explainTokenFailure('Collabor8 Virtual Inventory', url, status, body),
			urlField: 'Token URL',
		});
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { Authorization: '=Bearer {{$credentials.accessToken}}' },
		},
	};

	// The import status is the guide's own first call: it reads and changes nothing.
	test: ICredentialTestRequest = {
		request: {
			baseURL: API_BASE_EXPRESSION,
			url: IMPORT_STATUS_PATH,
			method: 'GET',
		},
	};
}
