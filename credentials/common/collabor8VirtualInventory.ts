/**
 * What the Collabor8 Virtual Inventory credential and node share: where the calls go (the token
 * request to Microsoft Entra ID, the API below the gateway) and the path of the Test button's call
 * (Virtual Inventory API: Getting Started). The node's endpoints.ts and guesses.ts list the paths
 * with the rest.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { customUrl, environmentOf, GATEWAY_URLS } from './collabor8Gateway';
import { joinUrl, problemWithApiPath } from '../../lib/url';

/** Virtual Inventory's accounts live in this Microsoft Entra ID directory (the guide). */
export const ENTRA_TENANT_ID = '4d1df598-ac19-4734-86f0-8a645992dfa1';

export const ENTRA_TOKEN_URL = `https://login.microsoftonline.com/${ENTRA_TENANT_ID}/oauth2/v2.0/token`;

/** The scope of each environment's API application (the guide). */
export const ENTRA_SCOPES = {
	test: 'api://0729ff68-e706-4979-a2ad-53ac46edcc0a/.default',
	production: 'api://2f731f1f-72e6-4998-8854-d026d5ccb151/.default',
} as const;

/** "Get inventory import state": `isImportAllowed` and more (the guide). */
export const IMPORT_STATUS_PATH = '/v1/m2m/inventory-import/status';

/**
 * GUESS: the part of the API's address between the gateway and `v1/m2m/…`. The guide writes only
 * `...v1/m2m/inventory-import/status`; this is the portal's API name. The credential shows it as
 * "API Path" (test and production), so a user can correct it without a new release.
 */
export const DEFAULT_API_PATH = '/virtual-inventory-api';

/** The API base in front of `v1/m2m/…`. */
export function apiBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const environment = environmentOf(credentials);
	if (environment === 'custom') return customUrl(credentials, 'baseUrl', 'Base URL');
	const apiPath = String(credentials.apiPath ?? '').trim() || DEFAULT_API_PATH;
	// The token goes with every call: an API Path that leaves the API's address is refused.
	const problem = problemWithApiPath(apiPath.startsWith('/') ? apiPath : `/${apiPath}`);
	if (problem) throw new Error(`API Path of the Collabor8 Virtual Inventory API credential ${problem}`);
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
