/**
 * Where a Virtual Inventory credential sends its calls: the token request to Microsoft Entra ID and
 * the API below the gateway. Shared by the credential (token, Test button) and the node's transport.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { customUrl, environmentOf, GATEWAY_URLS } from '../shared/collabor8/gateway';
import { joinUrl } from '../shared/path';
import { ENTRA_SCOPES, ENTRA_TOKEN_URL } from './endpoints';
import { DEFAULT_API_PATH } from './guesses';

/** The API base in front of `v1/m2m/…`. */
export function apiBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const environment = environmentOf(credentials);
	if (environment === 'custom') return customUrl(credentials, 'baseUrl', 'Base URL');
	const apiPath = String(credentials.apiPath ?? '').trim() || DEFAULT_API_PATH;
	return joinUrl(GATEWAY_URLS[environment], apiPath).replace(/\/+$/, '');
}

export function tokenUrl(credentials: ICredentialDataDecryptedObject): string {
	if (environmentOf(credentials) === 'custom') return customUrl(credentials, 'tokenUrl', 'Token URL');
	return ENTRA_TOKEN_URL;
}

export function tokenScope(credentials: ICredentialDataDecryptedObject): string {
	const environment = environmentOf(credentials);
	if (environment === 'custom') return String(credentials.scope ?? '').trim();
	return ENTRA_SCOPES[environment];
}

/** `apiBaseUrl` as an n8n expression, for the credential's Test request. */
export const API_BASE_EXPRESSION =
	'={{ $credentials.environment === "custom" ? String($credentials.baseUrl).replace(/\\/+$/, "") : ' +
	`($credentials.environment === "production" ? "${GATEWAY_URLS.production}" : "${GATEWAY_URLS.test}") + "/" + ` +
	`String($credentials.apiPath || "${DEFAULT_API_PATH}").replace(/^\\/+|\\/+$/g, "") }}`;
