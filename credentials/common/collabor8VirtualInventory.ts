/**
 * What the Collabor8 Virtual Inventory credential and node share: where the calls go (the token
 * request to Microsoft Entra ID, the API below the gateway) and the path of the Test button's call
 * (Virtual Inventory API: Getting Started). The node's endpoints.ts and guesses.ts list the paths
 * with the rest.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { OVERRIDE_SWITCH, overriding } from './apiAddressOverrides';
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
 * `...v1/m2m/inventory-import/status`; this is the portal's API name. The credential offers it as
 * "API Path" (Test and Production, under Override API Addresses), so a user can correct it without
 * a new release.
 */
export const DEFAULT_API_PATH = '/virtual-inventory-api';

/** The API Path the credential sets (only with Override API Addresses on), or the default. */
function apiPathOf(credentials: ICredentialDataDecryptedObject): string {
	if (!overriding(credentials)) return DEFAULT_API_PATH;
	return String(credentials.apiPath ?? '').trim() || DEFAULT_API_PATH;
}

/** The API base in front of `v1/m2m/…`. */
export function apiBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const environment = environmentOf(credentials);
	if (environment === 'custom') return customUrl(credentials, 'baseUrl', 'Base URL');
	const apiPath = apiPathOf(credentials);
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

/** The API Path as the Test request reads it: trimmed, or empty. */
const CONFIGURED_PATH = 'String($credentials.apiPath ?? "").trim()';

/**
 * The same check as `problemWithApiPath` (lib/url.ts), as an expression: no "\", "%", "?", "#",
 * space or control character, and no "." or ".." step. An empty path fails it too, for the default.
 */
const PATH_IS_SAFE =
	String.raw`/^[^\\%?#\s\u0000-\u001f\u007f-\u009f]+$/.test(${CONFIGURED_PATH}) && ` +
	String.raw`!/(^|\/)\.\.?(\/|$)/.test(${CONFIGURED_PATH})`;

/**
 * `apiBaseUrl` as an n8n expression, for the credential's Test request. n8n swallows an error
 * thrown in an expression, so the Test request cannot refuse an API Path the way the node does;
 * instead, an API Path the node would refuse is not used: the Test request then goes to the default
 * address, the one every credential with the switch off uses, and the token goes nowhere else on
 * the gateway. The node names the bad field at its first run, and so does Check Setup.
 */
export const API_BASE_EXPRESSION =
	String.raw`={{ $credentials.environment === "custom" ? String($credentials.baseUrl).replace(/\/+$/, "") : (` +
	`($credentials.environment === "production" ? "${GATEWAY_URLS.production}" : "${GATEWAY_URLS.test}") + "/" + ` +
	`(($credentials.${OVERRIDE_SWITCH} === true && ${PATH_IS_SAFE}) ? ${CONFIGURED_PATH} : "${DEFAULT_API_PATH}")` +
	String.raw`.replace(/^\/+/, "")).replace(/\/+$/, "") }}`;
